// The users controller (the page's app/routers/users.py): no prefix, each route tagged.
import 'reflect-metadata';
import { Controller, Get, Param } from 'zigmund';

@Controller()
export class UsersController {
  @Get('/users/', { tags: ['users'], summary: 'Read Users' })
  readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }];
  }

  @Get('/users/me', { tags: ['users'], summary: 'Read User Me' })
  readUserMe() {
    return { username: 'fakecurrentuser' };
  }

  @Get('/users/:username', { tags: ['users'], summary: 'Read User' })
  readUser(@Param('username') username: string) {
    return { username };
  }
}
