// Mirrors FastAPI's "JSON with Bytes as Base64" (docs/en/docs/advanced/json-base64-bytes.md).
// pydantic's `val_json_bytes="base64"` is a string field checked with @IsBase64() and decoded with
// Buffer.from(value, 'base64'); `ser_json_bytes="base64"` is what Zigmund always does with a
// Buffer inside a JSON answer. The schema carries `contentEncoding: base64` through @JSONSchema.
import 'reflect-metadata';
import { Allow, IsBase64, IsString } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Body, Controller, Get, Module, Post, bootstrap } from 'zigmund';

const base64Bytes = { type: 'string', contentEncoding: 'base64', contentMediaType: 'application/octet-stream' } as const;

export class DataInput {
  @IsString()
  description!: string;

  @IsBase64()
  @JSONSchema(base64Bytes)
  data!: string;
}

export class DataOutput {
  @IsString()
  description!: string;

  @Allow()
  @JSONSchema(base64Bytes)
  data!: Buffer;
}

export class DataInputOutput {
  @IsString()
  description!: string;

  @IsBase64()
  @JSONSchema(base64Bytes)
  data!: string;
}

@Controller()
class DataController {
  @Post('/data')
  postData(@Body() body: DataInput) {
    const content = Buffer.from(body.data, 'base64').toString('utf8');
    return { description: body.description, content };
  }

  @Get('/data', { responseModel: DataOutput })
  getData() {
    const data = Buffer.from('hello', 'utf8');
    return { description: 'A plumbus', data };
  }

  @Post('/data-in-out', { responseModel: DataInputOutput })
  postDataInOut(@Body() body: DataInputOutput) {
    return body;
  }
}

@Module({ controllers: [DataController] })
class AppModule {}

export const app = await bootstrap(AppModule);
