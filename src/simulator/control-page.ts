/** `GET /_control`: a small page driving the control API, for demos and manual testing (Portuguese, like the product). */
export const CONTROL_PAGE_HTML = `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<title>Simulador Evolution API</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { border-bottom: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }
  img.qr { width: 180px; height: 180px; }
  button { margin: 0 .25rem .25rem 0; }
  .status { margin-top: 1rem; min-height: 1.5rem; color: #555; }
  fieldset { margin-top: 1.5rem; }
  label { display: inline-block; margin-right: 1rem; }
</style>
</head>
<body>
<h1>Simulador Evolution API</h1>
<label>Chave global (apikey) <input id="apikey" type="password" size="40" autocomplete="off"></label>
<button id="save-key">Salvar chave</button>
<table>
  <thead><tr><th>Instância</th><th>Estado</th><th>Número</th><th>QR code</th><th>Ações</th></tr></thead>
  <tbody id="instances"><tr><td colspan="5">Carregando…</td></tr></tbody>
</table>
<fieldset>
  <legend>Injetar mensagem de texto recebida</legend>
  <form id="inbound">
    <label>Instância <select id="inbound-instance"></select></label>
    <label>De (número) <input id="inbound-from" placeholder="5511987654321"></label>
    <label>Nome <input id="inbound-name" placeholder="Maria"></label>
    <label>Texto <input id="inbound-text" size="40" required></label>
    <button type="submit">Enviar</button>
  </form>
</fieldset>
<div class="status" id="status"></div>
<script>
  const keyInput = document.getElementById("apikey");
  const statusLine = document.getElementById("status");
  keyInput.value = localStorage.getItem("simulator-apikey") || "";
  document.getElementById("save-key").onclick = () => {
    localStorage.setItem("simulator-apikey", keyInput.value);
    refresh();
  };

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { "content-type": "application/json", apikey: keyInput.value },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(payload.error || "HTTP " + response.status);
    return payload;
  }

  function act(label, method, path, body) {
    call(method, path, body)
      .then(() => { statusLine.textContent = label + ": ok"; refresh(); })
      .catch((error) => { statusLine.textContent = label + ": " + error.message; });
  }

  function cell(row, content) {
    const td = document.createElement("td");
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    row.appendChild(td);
  }

  function button(text, onClick) {
    const element = document.createElement("button");
    element.textContent = text;
    element.onclick = onClick;
    return element;
  }

  async function refresh() {
    let instances;
    try {
      instances = await call("GET", "/_control/instances");
    } catch (error) {
      statusLine.textContent = "Não foi possível listar as instâncias: " + error.message;
      return;
    }
    const body = document.getElementById("instances");
    body.replaceChildren();
    const select = document.getElementById("inbound-instance");
    const selected = select.value;
    select.replaceChildren();
    for (const instance of instances) {
      const base = "/_control/instances/" + encodeURIComponent(instance.name);
      const row = document.createElement("tr");
      cell(row, instance.name);
      cell(row, instance.state);
      cell(row, instance.ownerJid || "—");
      if (instance.state === "connecting" && instance.qr && instance.qr.base64) {
        const image = document.createElement("img");
        image.className = "qr";
        image.alt = "QR code " + instance.qr.count;
        image.src = instance.qr.base64;
        cell(row, image);
      } else cell(row, "—");
      const actions = document.createElement("div");
      actions.append(
        button("Escanear QR", () => act("Escanear QR", "POST", base + "/scan", {})),
        button("Derrubar (515)", () => act("Derrubar", "POST", base + "/drop", { statusCode: 515 })),
        button("Logout (401)", () => act("Logout", "POST", base + "/drop", { statusCode: 401 })),
      );
      cell(row, actions);
      body.appendChild(row);
      const option = document.createElement("option");
      option.value = option.textContent = instance.name;
      select.appendChild(option);
    }
    if (instances.length === 0) body.innerHTML = '<tr><td colspan="5">Nenhuma instância.</td></tr>';
    select.value = selected;
  }

  document.getElementById("inbound").onsubmit = (event) => {
    event.preventDefault();
    const name = document.getElementById("inbound-instance").value;
    const from = document.getElementById("inbound-from").value.trim();
    const pushName = document.getElementById("inbound-name").value.trim();
    act("Mensagem injetada", "POST", "/_control/instances/" + encodeURIComponent(name) + "/inbound", {
      type: "text",
      text: document.getElementById("inbound-text").value,
      from: from || undefined,
      pushName: pushName || undefined,
    });
  };

  refresh();
  setInterval(refresh, 2000);
</script>
</body>
</html>
`;
