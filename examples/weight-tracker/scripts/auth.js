// efmeta:{"code":"auth"}
// Demo credentials only: a real site checks credentials against its own data.
const MEMBERS = {
  'sam@example.com': { pin: '4321', name: 'Sam Lee', id: 'c-42' },
};

export function findMember(email, pin) {
  const member = MEMBERS[String(email).toLowerCase()];
  return member && member.pin === pin ? member : null;
}

export const LoginSchema = Schema.object({
  email: Schema.string().required().email(),
  pin: Schema.string().required().pattern(/^\d{4}$/),
});
