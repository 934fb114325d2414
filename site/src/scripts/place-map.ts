/**
 * The map pages' only client script: draws the points the page lists on an OpenStreetMap map with
 * Leaflet (bundled and served by the site itself). The list in the HTML stays the full content;
 * when JavaScript or the tiles fail, visitors still have it.
 */
import 'leaflet/dist/leaflet.css';
import { circleMarker, latLngBounds, map as createMap, tileLayer } from 'leaflet';
import type { MapPoint } from '../lib/places';

/** One colour per kind (the last for kinds the site does not know), each at least 3:1 against the map. */
const GROUP_COLOURS = ['#0b6b3a', '#0a5aa8', '#8a5300', '#8b1e6b', '#4d5a67'];

function popup(point: MapPoint): HTMLElement {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = `#${point.id}`;
  link.textContent = point.name;
  const title = document.createElement('strong');
  title.append(link);
  box.append(title);
  if (point.detail) {
    const detail = document.createElement('p');
    detail.textContent = point.detail;
    box.append(detail);
  }
  return box;
}

export function initMaps(root: Document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-map-figure]')) {
    const container = figure.querySelector<HTMLElement>('[data-map]');
    const data = figure.querySelector('[data-map-points]')?.textContent;
    if (!container || !data) continue;
    const points = JSON.parse(data) as MapPoint[];
    container.hidden = false;
    const map = createMap(container, { scrollWheelZoom: false });
    const tiles = tileLayer(container.dataset.tiles ?? '', {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    });
    tiles.once('tileerror', () => {
      figure.querySelector<HTMLElement>('[data-map-tiles-failed]')?.removeAttribute('hidden');
    });
    tiles.addTo(map);
    for (const point of points) {
      const colour = GROUP_COLOURS[point.group % GROUP_COLOURS.length];
      circleMarker([point.lat, point.lon], {
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: colour,
        fillOpacity: 1,
      })
        .bindPopup(popup(point))
        .addTo(map);
    }
    map.fitBounds(latLngBounds(points.map((point) => [point.lat, point.lon])), {
      padding: [24, 24],
      maxZoom: 14,
    });
    figure.dataset.mapReady = 'true';
  }
}
