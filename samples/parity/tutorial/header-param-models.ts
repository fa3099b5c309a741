// Mirrors FastAPI's tutorial/header-param-models (docs/en/docs/tutorial/header-param-models.md):
// a class of headers (snake_case fields read from the dashed headers), then with extra headers
// forbidden, then read from headers named as the fields (`convert_underscores=False`).
import 'reflect-metadata';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Controller, Get, Header, Module, bootstrap } from 'zigmund';

export class CommonHeaders {
  @IsString()
  host!: string;

  @IsBoolean()
  save_data!: boolean;

  @IsOptional()
  @IsString()
  if_modified_since: string | null = null;

  @IsOptional()
  @IsString()
  traceparent: string | null = null;

  @IsString({ each: true })
  x_tag: string[] = [];
}

@Controller()
export class HeaderModelController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Header() headers: CommonHeaders) {
    return headers;
  }
}

@Module({ controllers: [HeaderModelController] })
export class HeaderModelModule {}

export const app = await bootstrap(HeaderModelModule);

// FastAPI's `model_config = {"extra": "forbid"}`: any header the class does not declare is a 422.
@Controller()
export class StrictHeaderModelController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Header({ forbidUnknown: true }) headers: CommonHeaders) {
    return headers;
  }
}

@Module({ controllers: [StrictHeaderModelController] })
export class StrictHeaderModelModule {}

export const strictApp = await bootstrap(StrictHeaderModelModule);

// FastAPI's `Header(convert_underscores=False)`: `save_data` is read from a `save_data` header.
@Controller()
export class UnderscoreHeaderModelController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Header({ convertUnderscores: false }) headers: CommonHeaders) {
    return headers;
  }
}

@Module({ controllers: [UnderscoreHeaderModelController] })
export class UnderscoreHeaderModelModule {}

export const underscoreApp = await bootstrap(UnderscoreHeaderModelModule);
