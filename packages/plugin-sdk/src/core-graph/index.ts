export * from './enums';
export * from './node';
export * from './territory.type';
export * from './people.type';
