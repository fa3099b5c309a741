// Mirrors FastAPI's tutorial/background-tasks (docs/en/docs/tutorial/background-tasks.md):
// work that runs after the answer is sent, added by the handler and by a dependency.
import 'reflect-metadata';
import { appendFile, writeFile } from 'node:fs/promises';
import { BackgroundTasks, Controller, Depends, Module, Param, Post, Query, bootstrap, dependency } from 'zigmund';

/** Where the notifications are written (FastAPI's example writes `log.txt` in the working directory). */
export const logFile = { path: 'log.txt' };

async function writeNotification(email: string, message = '') {
  await writeFile(logFile.path, `notification for ${email}: ${message}`);
}

async function writeLog(message: string) {
  await appendFile(logFile.path, message);
}

const getQuery = dependency([BackgroundTasks, Query('q', { required: false })], (tasks: BackgroundTasks, q?: string) => {
  if (q) tasks.addTask(writeLog, `found query: ${q}\n`);
  return q;
});

@Controller()
export class NotificationsController {
  @Post('/send-notification/:email', { summary: 'Send Notification' })
  sendNotification(@Param('email') email: string, tasks: BackgroundTasks) {
    tasks.addTask(writeNotification, email, 'some notification');
    return { message: 'Notification sent in the background' };
  }

  @Post('/send-message/:email', { summary: 'Send Notification' })
  sendMessage(@Param('email') email: string, tasks: BackgroundTasks, @Depends(getQuery) _q?: string) {
    tasks.addTask(writeLog, `message to ${email}\n`);
    return { message: 'Message sent' };
  }
}

@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}

export const app = await bootstrap(NotificationsModule);
