// Mirrors FastAPI's "GraphQL" (docs/en/docs/how-to/graphql.md), which serves Strawberry's router.
// TypeScript counterpart: graphql-js (the reference implementation) executes the query in an
// ordinary POST route, so the endpoint shares the app's middleware, dependencies and OpenAPI
// document. Strawberry's GraphiQL page on GET is not ported.
import 'reflect-metadata';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { Body, Controller, Module, Post, bootstrap } from 'zigmund';

const User = new GraphQLObjectType({
  name: 'User',
  fields: { name: { type: new GraphQLNonNull(GraphQLString) }, age: { type: new GraphQLNonNull(GraphQLInt) } },
});

const Query = new GraphQLObjectType({
  name: 'Query',
  fields: { user: { type: new GraphQLNonNull(User), resolve: () => ({ name: 'Patrick', age: 100 }) } },
});

export const schema = new GraphQLSchema({ query: Query });

/** A GraphQL-over-HTTP request body. */
export class GraphQLRequest {
  @IsString()
  query!: string;

  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  operationName?: string;
}

@Controller()
class GraphQLController {
  @Post('/graphql', { summary: 'Execute a GraphQL query' })
  async execute(@Body() request: GraphQLRequest) {
    const result = await graphql({ schema, source: request.query, variableValues: request.variables, operationName: request.operationName });
    // The result holds GraphQLError instances and null-prototype objects: its JSON form is the answer.
    return JSON.parse(JSON.stringify(result)) as unknown;
  }
}

@Module({ controllers: [GraphQLController] })
class AppModule {}

export const app = await bootstrap(AppModule);
