import { defineConfig } from "vite";

// During `npm run dev`, /api is proxied to the backend started with
// `uvicorn app.main:app --reload` in backend/.
export default defineConfig({
  server: {
    port: 5173,
    proxy: {
      "/api": {
        target: "http://localhost:8000",
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api/, ""),
      },
    },
  },
});
