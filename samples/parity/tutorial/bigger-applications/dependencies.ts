// The dependencies the app and its routers share (the page's app/dependencies.py).
import { Header, HttpException, Query, dependency } from 'zigmund';

export const getTokenHeader = dependency([Header('x-token')], async (xToken: string) => {
  if (xToken !== 'fake-super-secret-token') throw new HttpException(400, 'X-Token header invalid');
});

export const getQueryToken = dependency([Query('token')], async (token: string) => {
  if (token !== 'jessica') throw new HttpException(400, 'No Jessica token provided');
});
