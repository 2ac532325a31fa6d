# Serves dist/worker.js (pnpm build) with workerd, the runtime of Cloudflare Workers, from npm.
# The secret comes from the environment, as `wrangler secret put` provides it in production.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "dist/worker.js")],
  compatibilityDate = "2026-01-01",
  bindings = [(name = "INTERCOM_IDENTITY_SECRET", fromEnvironment = "INTERCOM_IDENTITY_SECRET")],
);
