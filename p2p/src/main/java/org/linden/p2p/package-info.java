/** The p2p module. */
package org.linden.p2p;
