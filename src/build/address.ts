/** `Address` and its `GeoCoordinates`. */
import type { Address, GeoCoordinates } from '../model/index.js';
import {
  at,
  compact,
  copyExtensions,
  extensionKeys,
  optionalNumber,
  optionalString,
  problem,
  readObject,
  singleType,
  typeSet,
  type Fields,
} from './fields.js';

export interface GeoCoordinatesInput {
  type?: 'GeoCoordinates';
  latitude: number;
  longitude: number;
}

export interface AddressInput {
  type?: string[];
  addressCountry?: string;
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  addressCountryCode?: string;
  addressRegion?: string;
  addressLocality?: string;
  streetAddress?: string;
  postOfficeBoxNumber?: string;
  postalCode?: string;
  geo?: GeoCoordinatesInput;
}

const KNOWN = [
  'type', 'addressCountry', 'addressCountryCode', 'addressRegion', 'addressLocality', 'streetAddress',
  'postOfficeBoxNumber', 'postalCode', 'geo',
];

export function buildAddress(input: unknown, path: string): Address {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const countryCode = optionalString(fields, 'addressCountryCode', path);
  if (countryCode !== undefined && !/^[A-Z]{2}$/.test(countryCode)) {
    throw problem('SCHEMA_INVALID', at(path, 'addressCountryCode'), `must be an ISO 3166-1 alpha-2 code such as 'US', got ${JSON.stringify(countryCode)}`);
  }
  const address = compact<Address>({
    type: typeSet(fields, path, 'Address'),
    addressCountry: optionalString(fields, 'addressCountry', path),
    addressCountryCode: countryCode,
    addressRegion: optionalString(fields, 'addressRegion', path),
    addressLocality: optionalString(fields, 'addressLocality', path),
    streetAddress: optionalString(fields, 'streetAddress', path),
    postOfficeBoxNumber: optionalString(fields, 'postOfficeBoxNumber', path),
    postalCode: optionalString(fields, 'postalCode', path),
    geo: fields.geo === undefined ? undefined : buildGeoCoordinates(fields.geo, at(path, 'geo')),
  });
  copyExtensions(address as unknown as Fields, fields, extras);
  return address;
}

function buildGeoCoordinates(input: unknown, path: string): GeoCoordinates {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, ['type', 'latitude', 'longitude']);
  const latitude = optionalNumber(fields, 'latitude', path, -90, 90);
  const longitude = optionalNumber(fields, 'longitude', path, -180, 180);
  if (latitude === undefined || longitude === undefined) {
    throw problem('SCHEMA_INVALID', at(path, latitude === undefined ? 'latitude' : 'longitude'), 'is missing: give both latitude and longitude in decimal degrees');
  }
  const geo: GeoCoordinates = { type: singleType(fields, path, 'GeoCoordinates'), latitude, longitude };
  copyExtensions(geo as unknown as Fields, fields, extras);
  return geo;
}
