// Mirrors FastAPI's "OpenAPI Webhooks" (docs/en/docs/advanced/openapi-webhooks.md): the app option
// `webhooks` documents the requests the app sends to its users, by event name and method, as
// FastAPI's `@app.webhooks.post(...)`; FastAPI takes the description from the function's docstring.
import 'reflect-metadata';
import { IsDate, IsNumber, IsString } from 'class-validator';
import { createApp } from 'zigmund';

export class Subscription {
  @IsString()
  username!: string;

  @IsNumber()
  monthly_fee!: number;

  @IsDate()
  start_date!: Date;
}

export const app = createApp({
  webhooks: {
    'new-subscription': {
      post: {
        summary: 'New Subscription',
        description:
          "When a new user subscribes to your service we'll send you a POST request with this\n" +
          'data to the URL that you register for the event `new-subscription` in the dashboard.',
        body: Subscription,
      },
    },
  },
});

app.get('/users/', () => ['Rick', 'Morty']);
