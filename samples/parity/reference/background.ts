// Mirrors FastAPI's reference page "Background Tasks - BackgroundTasks"
// (docs/en/docs/reference/background.md): a parameter of type BackgroundTasks, in a handler or a
// dependency, schedules functions run after the answer is sent (`addTask(fn, ...args)`).
import 'reflect-metadata';
import { BackgroundTasks, Controller, Depends, Module, Param, Post, Query, bootstrap, dependency } from 'zigmund';

export const log: string[] = [];

function writeLog(message: string): void {
  log.push(message);
}

const getQuery = dependency([BackgroundTasks, Query('q', { required: false })], (tasks: BackgroundTasks, q: string | undefined) => {
  if (q) tasks.addTask(writeLog, `found query: ${q}`);
  return q;
});

@Controller()
class NotificationsController {
  @Post('/send-notification/:email')
  sendNotification(@Param('email') email: string, tasks: BackgroundTasks, @Depends(getQuery) q: string | undefined) {
    void q;
    tasks.addTask(writeLog, `message to ${email}`);
    return { message: 'Message sent' };
  }
}

@Module({ controllers: [NotificationsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
