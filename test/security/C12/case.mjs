const M = "C12_SECRET_SOURCE";
const variants = {
  success: `<script scope="backend">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script>\n<p>{{ var.x }}</p>\n`,
  throws: `<script scope="backend">\nsetVariable('x', 'ok');\nthrow new Error('${M}');\n</script>\n<p>{{ var.x }}</p>\n`,
  timeout: `<script scope="backend">\nsetVariable('x', 'ok');\nwhile ('${M}') {}\n</script>\n<p>{{ var.x }}</p>\n`,
  // An array of large strings rather than a Map: the Map bomb's delayed child abort is B5-aftermath.
  oom: `<script scope="backend">\nsetVariable('x', 'ok');\nconst a = []; for (;;) a.push('${M}'.repeat(50000) + a.length);\n</script>\n<p>{{ var.x }}</p>\n`,
  upper: `<SCRIPT SCOPE="BACKEND">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</SCRIPT>\n<p>{{ var.x }}</p>\n`,
  single: `<script scope='backend'>\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script>\n<p>{{ var.x }}</p>\n`,
  unquoted: `<script scope=backend>\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script>\n<p>{{ var.x }}</p>\n`,
  extra: `<script type="module" scope=" backend " data-x="1">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script>\n<p>{{ var.x }}</p>\n`,
  spacedClose: `<script scope="backend">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script >\n<p>{{ var.x }}</p>\n`,
  comment: `<!-- <script scope="backend">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script> -->\n<p>{{ var.x }}</p>\n`,
  template: `<template><script scope="backend">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script></template>\n<p>{{ var.x }}</p>\n`,
  conditional: `@if(false)\n<script scope="backend">\nconst k = '${M}';\nsetVariable('x', 'ok');\n</script>\n@endif\n<p>{{ var.x }}</p>\n`,
};
const pages = {};
for (const [k, v] of Object.entries(variants)) pages[`c12-${k}.ef`] = v;
export default {
  id: "C12",
  title: "backend source never reaches the browser",
  pages,
  requests: Object.keys(variants).map((k) => ({ name: k, url: `/c12-${k}`, status: 200, includes: ["<p>ok</p>"], excludes: [M, "setVariable", "backend"] })),
};
