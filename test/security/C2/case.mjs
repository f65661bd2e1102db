export default {
  id: "C2",
  title: "own __proto__ keys stay inert data through the host merge",
  pages: {
    "c2.ef": `<script scope="backend">
setVariable('user', JSON.parse('{"__proto__":{"isAdmin":true},"name":"u"}'));
setVariable('list', JSON.parse('[{"__proto__":{"isAdmin":true}}]'));
</script>
<p>@if(var.user.isAdmin)ADMIN@endif|{{ var.isAdmin }}|{{ var.user.name }}|{{ customer.isAdmin }}</p>
<p v-if="var.user.isAdmin">ADMIN2</p>
@foreach(u in var.list)<i>@if(u.isAdmin)ADMIN3@endif</i>@endforeach
`,
    "c2-after.ef": `<script scope="backend">response.json({ isAdmin: typeof ({}).isAdmin, varIsAdmin: getVariable('isAdmin') });</script>\n`,
  },
  requests: [
    { url: "/c2", status: 200, includes: ["<p>||u|</p>", "<i></i>"], excludes: ["ADMIN"] },
    { url: "/c2-after", status: 200, json: { isAdmin: "undefined", varIsAdmin: null } },
  ],
};
