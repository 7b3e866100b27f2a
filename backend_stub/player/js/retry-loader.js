// An hls.js fragment loader that retries a failed segment with jittered exponential
// backoff (hls.js's own backoff has no jitter, so many players retry in lockstep).

export const RETRY_POLICY = Object.freeze({ maxRetries: 4, baseMs: 250, capMs: 4000 });

/**
 * The wait before retry number `attempt` (0-based): exponential up to the cap, then
 * "equal jitter" (somewhere between half and all of it).
 * @param {number} attempt
 * @param {{ baseMs: number, capMs: number }} [policy]
 * @param {() => number} [random]
 */
export function backoffDelay(attempt, policy = RETRY_POLICY, random = Math.random) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Network failures, timeouts, throttling and server errors are worth another try. @param {number} status */
export function retryable(status) {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** @typedef {{ url: string, attempt: number, delayMs: number, status: number }} RetryNote */

/**
 * A loader class for hls.js's `fLoader`: each attempt runs a fresh `Base` loader (the
 * default XHR loader), all sharing one stats object, as hls.js expects.
 * @param {any} Base  `Hls.DefaultConfig.loader`
 * @param {(note: RetryNote) => void} onRetry
 * @param {typeof RETRY_POLICY} [policy]
 */
export function retryingLoader(Base, onRetry, policy = RETRY_POLICY) {
  return class RetryingLoader {
    /** @param {any} config */
    constructor(config) {
      this.config = config;
      this.inner = new Base(config);
      this.stats = this.inner.stats;
      this.context = null;
      this.timer = 0;
      this.attempts = 0;
    }

    /** @param {any} context @param {any} loadConfig @param {any} callbacks */
    load(context, loadConfig, callbacks) {
      this.context = context;
      /** @param {number} status */
      const again = (status) => {
        if (this.attempts >= policy.maxRetries || !retryable(status)) return false;
        const delayMs = backoffDelay(this.attempts, policy);
        this.attempts += 1;
        onRetry({ url: context.url, attempt: this.attempts, delayMs, status });
        this.timer = window.setTimeout(() => {
          this.inner.destroy();
          this.inner = new Base(this.config);
          const stats = this.stats;
          stats.loading = { start: 0, first: 0, end: 0 };
          stats.loaded = 0;
          stats.aborted = false;
          this.inner.stats = stats;
          attempt();
        }, delayMs);
        return true;
      };
      const attempt = () =>
        this.inner.load(context, loadConfig, {
          ...callbacks,
          /** @param {{ code: number }} response @param {any[]} rest */
          onError: (response, ...rest) => {
            if (!again(response.code)) callbacks.onError(response, ...rest);
          },
          /** @param {any[]} args */
          onTimeout: (...args) => {
            if (!again(0)) callbacks.onTimeout(...args);
          },
        });
      attempt();
    }

    abort() {
      clearTimeout(this.timer);
      this.inner.abort();
    }

    destroy() {
      clearTimeout(this.timer);
      this.inner.destroy();
    }

    getCacheAge() {
      return this.inner.getCacheAge?.() ?? null;
    }

    /** @param {string} name */
    getResponseHeader(name) {
      return this.inner.getResponseHeader?.(name) ?? null;
    }
  };
}
