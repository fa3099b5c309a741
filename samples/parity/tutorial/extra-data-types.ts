// Mirrors FastAPI's tutorial/extra-data-types (docs/en/docs/tutorial/extra-data-types.md). The
// page's singular `Body()` values are one DTO here (FastAPI's `Body_read_items…` component):
// a `Date` comes from its ISO 8601 string through `@Type(() => Date)` and goes back as an ISO
// string in UTC; `timedelta` is a number of seconds, as pydantic writes it; `time` is a checked
// string; the UUID path parameter is a string checked by a pattern.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDate, IsNumber, IsOptional, Matches } from 'class-validator';
import { Body, Controller, Module, Param, Put, bootstrap } from 'zigmund';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Schedule {
  @Type(() => Date)
  @IsDate()
  start_datetime!: Date;

  @Type(() => Date)
  @IsDate()
  end_datetime!: Date;

  /** Seconds, as pydantic reads and writes a `timedelta`. */
  @IsNumber()
  process_after!: number;

  /** A time of day, `HH:MM[:SS[.ffffff]]`. */
  @IsOptional()
  @Matches(/^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/)
  repeat_at: string | null = null;
}

@Controller()
export class ItemsController {
  @Put('/items/:item_id', { summary: 'Read Items' })
  readItems(@Param('item_id', { pattern: UUID }) itemId: string, @Body() schedule: Schedule) {
    const startProcess = new Date(schedule.start_datetime.getTime() + schedule.process_after * 1000);
    const duration = (schedule.end_datetime.getTime() - startProcess.getTime()) / 1000;
    return {
      item_id: itemId,
      start_datetime: schedule.start_datetime,
      end_datetime: schedule.end_datetime,
      process_after: schedule.process_after,
      repeat_at: schedule.repeat_at,
      start_process: startProcess,
      duration,
    };
  }
}

@Module({ controllers: [ItemsController] })
export class ItemsModule {}

export const app = await bootstrap(ItemsModule);
