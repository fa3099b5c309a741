// The users router (the page's app/routers/users.py): no prefix, each route tagged.
import { createRouter, type Request } from 'zigmund';

export const router = createRouter();

router.get('/users/', async () => [{ username: 'Rick' }, { username: 'Morty' }], { tags: ['users'], summary: 'Read Users' });

router.get('/users/me', async () => ({ username: 'fakecurrentuser' }), { tags: ['users'], summary: 'Read User Me' });

router.get('/users/:username', async (req: Request) => ({ username: req.params.username }), { tags: ['users'], summary: 'Read User' });
