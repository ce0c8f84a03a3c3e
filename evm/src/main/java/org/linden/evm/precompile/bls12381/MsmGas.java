package org.linden.evm.precompile.bls12381;

/**
 * EIP-2537's MSM price: {@code k · multiplicationCost · discount(k) / 1000}, where the discount
 * table rewards batching (a multi-scalar multiplication is cheaper than k separate ones) and is
 * capped at its last entry beyond 128 pairs.
 */
final class MsmGas {
  static final long G1_MULTIPLICATION_COST = 12000;
  static final long G2_MULTIPLICATION_COST = 22500;
  private static final long MULTIPLIER = 1000;

  /** discount(k) for k = 1..128, per mille. */
  static final int[] G1_DISCOUNTS = {
    1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677,
    673, 669, 665, 661, 658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627,
    625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601, 599, 598,
    596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576,
    575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559,
    558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544,
    543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531,
    530, 529, 528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519
  };

  /** discount(k) for k = 1..128, per mille. */
  static final int[] G2_DISCOUNTS = {
    1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717,
    711, 704, 699, 693, 688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646,
    643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611, 609, 607,
    606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582,
    580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562,
    561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547,
    546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535,
    534, 533, 532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524
  };

  private MsmGas() {}

  static long g1(int inputLength) {
    return gas(inputLength / G1Msm.PAIR_LENGTH, G1_MULTIPLICATION_COST, G1_DISCOUNTS);
  }

  static long g2(int inputLength) {
    return gas(inputLength / G2Msm.PAIR_LENGTH, G2_MULTIPLICATION_COST, G2_DISCOUNTS);
  }

  /**
   * Priced on the number of whole pairs; zero pairs cost nothing, as in go-ethereum, since such
   * a call fails anyway and forfeits all its gas.
   */
  private static long gas(long k, long multiplicationCost, int[] discounts) {
    if (k == 0) {
      return 0;
    }
    long discount = discounts[(int) Math.min(k, discounts.length) - 1];
    // k < 2^26 for any int-sized input, so the product stays far below 2^63.
    return k * multiplicationCost * discount / MULTIPLIER;
  }
}
