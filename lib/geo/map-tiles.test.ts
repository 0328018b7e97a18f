import { describe, expect, it } from 'vitest';
import { mapTileSetting } from './map-tiles';

describe('map tile setting', () => {
  it('is off by default and for anything that is not an http(s) tile template', () => {
    expect(mapTileSetting({})).toBeNull();
    expect(mapTileSetting({ HOTLINE_TILE_URL: ' ' })).toBeNull();
    expect(mapTileSetting({ HOTLINE_TILE_URL: 'javascript:alert(1)//{z}' })).toBeNull();
    expect(mapTileSetting({ HOTLINE_TILE_URL: 'https://tiles.example/x.png' })).toBeNull();
    expect(
      mapTileSetting({ HOTLINE_TILE_URL: 'https://tiles.example/{z}/"><script>/{x}/{y}.png' }),
    ).toBeNull();
  });

  it('reads the URL and the attribution', () => {
    expect(
      mapTileSetting({
        HOTLINE_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
        HOTLINE_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
      }),
    ).toEqual({
      url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    });
  });
});
