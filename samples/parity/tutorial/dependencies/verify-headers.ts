// The two header checks shared by the dependencies-in-path-operation-decorators and
// global-dependencies samples, as in FastAPI's pages.
import { Header, HttpException, dependency } from 'zigmund';

export const verifyToken = dependency([Header('x-token')], async (xToken: string) => {
  if (xToken !== 'fake-super-secret-token') throw new HttpException(400, 'X-Token header invalid');
});

export const verifyKey = dependency([Header('x-key')], async (xKey: string) => {
  if (xKey !== 'fake-super-secret-key') throw new HttpException(400, 'X-Key header invalid');
  return xKey;
});
