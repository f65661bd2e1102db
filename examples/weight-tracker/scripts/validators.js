// efmeta:{"code":"validators"}
export const WeightCheckinSchema = Schema.object({
  weight: Schema.number().required().min(50).max(500),
  unit: Schema.string().valid('lbs', 'kg').default('lbs'),
  notes: Schema.string().max(500).default(''),
});

export function requireCustomer() {
  if (!is_customer) {
    response.status(401);
    response.json({ ok: false, error: 'not authenticated' });
  }
}
