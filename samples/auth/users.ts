import { hashPassword, verifyPassword } from './passwords.js';

/** A user as the API shows it. */
export interface PublicUser {
  username: string;
  fullName: string;
  email: string;
  /** The scopes this user may be granted. */
  scopes: string[];
}

interface StoredUser extends PublicUser {
  passwordHash: string;
}

// A password checked against a hash that cannot match, so an unknown user costs as much time as a known one.
let decoy: string | undefined;

/** The sample's user store: in memory, passwords kept only as scrypt hashes. */
export class UserStore {
  private readonly users = new Map<string, StoredUser>();

  async add(user: PublicUser, password: string): Promise<void> {
    this.users.set(user.username, { ...user, passwordHash: await hashPassword(password) });
  }

  find(username: string): PublicUser | undefined {
    const user = this.users.get(username);
    if (!user) return undefined;
    return { username: user.username, fullName: user.fullName, email: user.email, scopes: [...user.scopes] };
  }

  /** The user whose password this is, or `undefined`. */
  async authenticate(username: string, password: string): Promise<PublicUser | undefined> {
    const user = this.users.get(username);
    decoy ??= await hashPassword('not a password anyone has');
    const ok = await verifyPassword(password, user?.passwordHash ?? decoy);
    return ok && user ? this.find(username) : undefined;
  }
}

/** The demo users: anna may do everything, bob may only read himself and chat. */
export async function demoUsers(): Promise<UserStore> {
  const store = new UserStore();
  await store.add({ username: 'anna', fullName: 'Anna Lind', email: 'anna@example.com', scopes: ['me', 'items', 'chat'] }, 'anna-secret');
  await store.add({ username: 'bob', fullName: 'Bob Berg', email: 'bob@example.com', scopes: ['me', 'chat'] }, 'bob-secret');
  return store;
}
