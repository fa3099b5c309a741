// Mirrors FastAPI's "Response - Change Status Code" (docs/en/docs/advanced/response-change-status-code.md):
// the injected Response sets the status of an answer the handler still returns as a plain value.
import { Response, createApp, status, type Request } from 'zigmund';

const tasks: Record<string, string> = { foo: 'Listen to the Bar Fighters' };

export const app = createApp();

app.put(
  '/get-or-create-task/:task_id',
  (req: Request, response: Response) => {
    const taskId = req.params.task_id as string;
    if (!(taskId in tasks)) {
      tasks[taskId] = "This didn't exist before";
      response.status(status.HTTP_201_CREATED);
    }
    return tasks[taskId];
  },
  { status: 200 },
);
