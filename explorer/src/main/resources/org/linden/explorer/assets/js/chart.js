// Small line charts in SVG, drawn here rather than by a library so the explorer loads
// nothing but its own files.

const NS = 'http://www.w3.org/2000/svg';

/**
 * Draws `values` (numbers, oldest first) as a line in a new SVG element and returns it.
 * The y axis starts at zero so that a flat series reads as flat, not as noise.
 */
export function lineChart(values, { color = '#1f6f50', label = '' } = {}) {
  const width = 300;
  const height = 100;
  const pad = 4;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const points = values.map((v, i) => [pad + i * step, height - pad - (v / max) * (height - 2 * pad)]);
  const baseline = document.createElementNS(NS, 'line');
  baseline.setAttribute('x1', pad);
  baseline.setAttribute('x2', width - pad);
  baseline.setAttribute('y1', height - pad);
  baseline.setAttribute('y2', height - pad);
  baseline.setAttribute('stroke', '#dfe3e0');
  svg.append(baseline);
  if (points.length > 0) {
    const area = document.createElementNS(NS, 'path');
    const line = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    area.setAttribute('d', `${line} L${points.at(-1)[0].toFixed(1)},${height - pad} L${pad},${height - pad} Z`);
    area.setAttribute('fill', color);
    area.setAttribute('fill-opacity', '0.12');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', line);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', color);
    path.setAttribute('stroke-width', '2');
    path.setAttribute('vector-effect', 'non-scaling-stroke');
    svg.append(area, path);
  }
  return svg;
}
