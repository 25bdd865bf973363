import { embed, getHealth } from "./api";

const status = document.querySelector<HTMLParagraphElement>("#status")!;
const input = document.querySelector<HTMLTextAreaElement>("#texts")!;
const button = document.querySelector<HTMLButtonElement>("#embed")!;
const result = document.querySelector<HTMLPreElement>("#result")!;

if (import.meta.env.DEV) {
  console.info("API base URL:", import.meta.env.VITE_API_URL ?? "/api (proxied)");
}

getHealth()
  .then((h) => {
    status.textContent = `Backend OK (torch ${h.torch})`;
  })
  .catch((err: Error) => {
    status.textContent = `Backend unreachable: ${err.message}`;
  });

button.addEventListener("click", async () => {
  const texts = input.value
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (texts.length === 0) {
    return;
  }
  button.disabled = true;
  try {
    const response = await embed(texts);
    const preview = response.embeddings.map((v) => v.slice(0, 4).map((x) => x.toFixed(3)));
    result.textContent = `${response.model}, ${response.dimensions} dimensions\n` +
      JSON.stringify(preview, null, 2);
  } catch (err) {
    result.textContent = String(err);
  } finally {
    button.disabled = false;
  }
});
