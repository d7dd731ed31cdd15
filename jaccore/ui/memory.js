// The learner's progress, kept in this browser (localStorage), never on the server: which worked
// examples were predicted, which gradients built and which exercises solved. The server sends what this session knows; this
// adds what the browser remembers from earlier visits (a reload, a server restart, another day) and
// sends the union back when it knows more. "Forget my progress" sends forget: the browser forgets too.
const KEY = "jacobian-explorer.progress";

function read() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? "{}");
    return stored && typeof stored === "object" ? stored : {};
  } catch {
    return {};  // storage refused (a private window's policy) or not JSON: nothing remembered
  }
}

function union(a, b) {
  const kinds = new Set([...Object.keys(a), ...Object.keys(b)]);
  const merged = {};
  for (const kind of [...kinds].sort()) {
    const slugs = [...new Set([...(a[kind] ?? []), ...(b[kind] ?? [])])].filter((s) => typeof s === "string");
    merged[kind] = slugs.sort();
  }
  return merged;
}

export default function (component) {
  const { data, setStateValue } = component;
  const known = JSON.parse(data.progress);
  if (data.forget) {
    try {
      window.localStorage.removeItem(KEY);
    } catch {}
    return;
  }
  const merged = union(read(), known);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(merged));
  } catch {}
  if (data.write_only) return;  // what a fragment's run earned: written, nothing to send back
  if (JSON.stringify(merged) !== JSON.stringify(union({}, known))) {
    setStateValue("stored", JSON.stringify({ ...merged, generation: data.generation }));
  }
}
