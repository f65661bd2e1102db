const page = (tpl) => ({ "p.ef": tpl + "\n" });
export default {
  id: "D4",
  title: "event-handler attributes with interpolation are PC1061",
  compile: [
    { name: "onclick", pages: page(`<button onclick="go('{{ request.query.x }}')">b</button>`), codes: ["PC1061"] },
    { name: "single-quoted", pages: page(`<div onmouseover='{{ request.query.x }}'>d</div>`), codes: ["PC1061"] },
    { name: "upper case", pages: page(`<body ONLOAD="{{ request.query.x }}">b</body>`), codes: ["PC1061"] },
    { name: "onerror", pages: page(`<img src="/a.png" onerror="{{ request.query.x }}">`), codes: ["PC1061"] },
  ],
};
