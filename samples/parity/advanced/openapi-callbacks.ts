// Mirrors FastAPI's "OpenAPI Callbacks" (docs/en/docs/advanced/openapi-callbacks.md): the route
// option `callbacks` documents the request the API will send back to the caller — by name, runtime
// URL expression and method, with its body and expected answer — as FastAPI's callback router does.
import 'reflect-metadata';
import { IsBoolean, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Module, Post, Query, bootstrap } from 'zigmund';

export class Invoice {
  @IsString()
  id!: string;

  @IsOptional()
  @IsString()
  title: string | null = null;

  @IsString()
  customer!: string;

  @IsNumber()
  total!: number;
}

export class InvoiceEvent {
  @IsString()
  description!: string;

  @IsBoolean()
  paid!: boolean;
}

export class InvoiceEventReceived {
  @IsBoolean()
  ok!: boolean;
}

@Controller()
class InvoicesController {
  @Post('/invoices/', {
    description: [
      'Create an invoice.',
      '',
      'This will (let\'s imagine) let the API user (some external developer) create an invoice.',
      '',
      'And this path operation will:',
      '',
      '* Send the invoice to the client.',
      '* Collect the money from the client.',
      '* Send a notification back to the API user (the external developer), as a callback.',
    ].join('\n'),
    callbacks: {
      invoice_notification: {
        '{$callback_url}/invoices/{$request.body.id}': {
          post: { summary: 'Invoice Notification', body: InvoiceEvent, responseModel: InvoiceEventReceived },
        },
      },
    },
  })
  createInvoice(@Body() invoice: Invoice, @Query('callback_url', { required: false }) callbackUrl?: string) {
    // Send the invoice, collect the money, send the notification (the callback).
    void invoice;
    void callbackUrl;
    return { msg: 'Invoice received' };
  }
}

@Module({ controllers: [InvoicesController] })
class AppModule {}

export const app = await bootstrap(AppModule);
