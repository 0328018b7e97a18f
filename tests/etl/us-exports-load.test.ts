import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeKey } from '../../lib/privacy/mask';
import { writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

// A US deployment: no Chinese regions, times in New York's zone.
const tmp = makeTempDir('us-exports');
const config = testConfig(tmp.dir, { regionCode: '', timeZone: 'America/New_York' });
const laFile = path.join(tmp.dir, 'myla311-2020-01.csv');
const bostonFile = path.join(tmp.dir, 'boston-311-2015.csv');

// MyLA311's own headers, `address` among them (a name the loader's own SQL must not confuse with its columns).
const LA_HEADERS = [
  'srnumber',
  'requesttype',
  'status',
  'actiontaken',
  'createddate',
  'closeddate',
  'requestsource',
];
const LA_PLACE = ['owner', 'latitude', 'longitude', 'address', 'ncname'];
const BOSTON_HEADERS = [
  'CASE_ENQUIRY_ID',
  'OPEN_DT',
  'CLOSED_DT',
  'CASE_STATUS',
  'CASE_TITLE',
  'REASON',
  'TYPE',
];
const BOSTON_PLACE = ['Department', 'Location', 'neighborhood', 'LATITUDE', 'LONGITUDE', 'Source'];

beforeAll(async () => {
  writeCsv(
    laFile,
    [...LA_HEADERS, ...LA_PLACE],
    [
      [
        '1-100',
        'Bulky Items',
        'Closed',
        'SR Created',
        '1/1/20 0:05',
        '1/2/20 8:43',
        'Call',
        'BOS',
        34.194,
        -118.499,
        '16815 W VANOWEN ST, 91406',
        'LAKE BALBOA NC',
      ],
      [
        '1-101',
        'Graffiti Removal',
        'Open',
        'SR Created',
        '1/3/20 14:30',
        null,
        'Mobile App',
        'OCB',
        34.195,
        -118.498,
        '16815 w Vanowen St 91406',
        'LAKE BALBOA NC',
      ],
      [
        '1-102',
        'Single Streetlight Issue',
        'Open',
        'SR Created',
        '1/4/20 9:00',
        null,
        'Call',
        'BSL',
        null,
        null,
        null,
        null,
      ],
    ],
  );
  writeCsv(
    bostonFile,
    [...BOSTON_HEADERS, ...BOSTON_PLACE],
    [
      [
        '101001241206',
        '01/02/2015 11:15:21 AM',
        '01/06/2015 09:21:23 AM',
        'Closed',
        'Rodent Activity',
        'Environmental Services',
        'Rodent Activity',
        'ISD',
        '6 Hopestill St  Dorchester  MA  02124',
        'Dorchester',
        42.2912,
        -71.0727,
        'Constituent Call',
      ],
    ],
  );
  await load([laFile, bostonFile], config);
});

afterAll(() => tmp.cleanup());

describe('loading US 311 exports', () => {
  it('loads MyLA311 and Boston rows with their layouts, in the deployment time zone', async () => {
    const rows = await query<{
      source_id: string;
      source_layout: string;
      received_at: string;
      status: string;
    }>(
      config,
      "SELECT source_id, source_layout, strftime(received_at, '%Y-%m-%d %H:%M') AS received_at, status FROM tickets ORDER BY source_id",
    );
    expect(rows).toEqual([
      { source_id: '1-100', source_layout: 'la-myla311', received_at: '2020-01-01 03:05', status: 'closed' },
      { source_id: '1-101', source_layout: 'la-myla311', received_at: '2020-01-03 17:30', status: 'open' },
      { source_id: '1-102', source_layout: 'la-myla311', received_at: '2020-01-04 12:00', status: 'open' },
      {
        source_id: '101001241206',
        source_layout: 'boston-311',
        received_at: '2015-01-02 11:15',
        status: 'closed',
      },
    ]);
  });

  it('keeps each address and counts one building written two ways as one place', async () => {
    const rows = await query<{ source_id: string; address: string | null; place_key: string | null }>(
      config,
      'SELECT source_id, address, place_key FROM tickets ORDER BY source_id',
    );
    const byId = new Map(rows.map((r) => [r.source_id, r]));
    expect(byId.get('1-100')).toEqual({
      source_id: '1-100',
      address: '16815 W VANOWEN ST, 91406',
      place_key: placeKey('16815 W VANOWEN ST, 91406'),
    });
    expect(byId.get('1-101')?.place_key).toBe(byId.get('1-100')?.place_key);
    expect(byId.get('1-102')).toEqual({ source_id: '1-102', address: null, place_key: null });
    expect(byId.get('101001241206')?.address).toBe('6 Hopestill St  Dorchester  MA  02124');
  });
});
