/**
 * type-graphql, graphql-scalars and class-validator re-exported, so every plugin
 * decorates against the one copy the gateway builds its schema with.
 */
export * from 'type-graphql';
export {
  GraphQLJSON, GraphQLJSONObject,
  GraphQLDateTimeISO as DateTimeISO,
  GraphQLLocalDate as LocalDate,
  GraphQLLocalTime as LocalTime,
  GraphQLPositiveInt as PositiveInt,
  GraphQLNonNegativeInt as NonNegativeInt,
} from 'graphql-scalars';
export * as validate from 'class-validator';
