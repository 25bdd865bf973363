// Base URL of the embedding API. Set VITE_API_URL at build time; the dev
// server proxies /api to the backend (see vite.config.ts).
const API_URL: string = import.meta.env.VITE_API_URL ?? "/api";

export interface Health {
  status: string;
  torch: string;
}

export interface EmbedResponse {
  model: string;
  dimensions: number;
  embeddings: number[][];
}

export async function getHealth(): Promise<Health> {
  const res = await fetch(`${API_URL}/health`);
  if (!res.ok) {
    throw new Error(`health check failed: HTTP ${res.status}`);
  }
  return res.json();
}

export async function embed(texts: string[]): Promise<EmbedResponse> {
  const res = await fetch(`${API_URL}/embed`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ texts, normalize: true }),
  });
  if (!res.ok) {
    throw new Error(`embed failed: HTTP ${res.status}`);
  }
  return res.json();
}
