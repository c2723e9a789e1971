/*
 * Gongzhi GraphiQL fetcher. No dependencies, served from the gateway itself.
 *
 * - queries and mutations: fetch POST application/json to the endpoint;
 * - subscriptions: WebSocket to the same path (ws:// or wss:// from the page's
 *   location), graphql-ws protocol (subprotocol `graphql-transport-ws`).
 *
 * The headers typed in GraphiQL's headers editor go with every HTTP request; an
 * `Authorization` header (any case) is also sent to the WebSocket server as
 * connectionParams `{ authorization }`.
 *
 * Loaded as a classic script in the browser (global `GongzhiGraphiQL`) and as a
 * CommonJS module in tests (where `fetch` and `WebSocket` can be passed in).
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === 'object' && module && module.exports) module.exports = api;
  else root.GongzhiGraphiQL = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var SUBPROTOCOL = 'graphql-transport-ws';
  var ACK_TIMEOUT_MS = 10000;

  /** `http(s)://host/path` or a path resolved against `base` -> `ws(s)://host/path`. */
  function toWebSocketUrl(endpoint, base) {
    var url = new URL(endpoint, base);
    if (url.protocol === 'https:') url.protocol = 'wss:';
    else if (url.protocol === 'http:') url.protocol = 'ws:';
    url.hash = '';
    return url.toString();
  }

  /** The value of an `Authorization` header, whatever its case, or undefined. */
  function findAuthorization(headers) {
    if (!headers || typeof headers !== 'object') return undefined;
    for (var key in headers) {
      if (Object.prototype.hasOwnProperty.call(headers, key) && key.toLowerCase() === 'authorization') {
        var value = headers[key];
        if (value === undefined || value === null || value === '') return undefined;
        return String(value);
      }
    }
    return undefined;
  }

  /** Header values as strings, undefined and null dropped. */
  function stringHeaders(headers) {
    var out = {};
    if (!headers || typeof headers !== 'object') return out;
    for (var key in headers) {
      if (!Object.prototype.hasOwnProperty.call(headers, key)) continue;
      var value = headers[key];
      if (value === undefined || value === null) continue;
      out[key] = typeof value === 'string' ? value : String(value);
    }
    return out;
  }

  /** Drops comments and string contents so keywords inside them do not count. */
  function stripIgnored(source) {
    return String(source || '')
      .replace(/"""[\s\S]*?"""/g, '""')
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/#[^\n\r]*/g, '');
  }

  /**
   * 'query' | 'mutation' | 'subscription' of the operation GraphiQL is about to
   * run: from the parsed document GraphiQL hands us when it has one, else from
   * the text.
   */
  function operationTypeOf(params, opts) {
    var operationName = params && params.operationName ? params.operationName : null;
    var doc = opts && opts.documentAST;
    if (doc && Array.isArray(doc.definitions)) {
      var ops = doc.definitions.filter(function (d) {
        return d && d.kind === 'OperationDefinition';
      });
      var chosen = null;
      if (operationName) {
        chosen = ops.filter(function (d) {
          return d.name && d.name.value === operationName;
        })[0];
      } else if (ops.length > 0) {
        chosen = ops[0];
      }
      if (chosen) return chosen.operation;
    }
    var text = stripIgnored(params && params.query);
    var re = /(^|[^\w$])(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g;
    var match;
    var first = null;
    while ((match = re.exec(text))) {
      if (!first) first = match[2];
      if (operationName && match[3] === operationName) return match[2];
    }
    return first || 'query';
  }

  function errorResult(message) {
    return { errors: [{ message: message }] };
  }

  var idCounter = 0;
  function newId() {
    if (typeof crypto !== 'undefined' && crypto && typeof crypto.randomUUID === 'function') {
      return crypto.randomUUID();
    }
    idCounter += 1;
    return 'gq-' + Date.now().toString(36) + '-' + idCounter + '-' + Math.random().toString(36).slice(2, 10);
  }

  /**
   * An AsyncIterable that is also its own iterator, so that GraphiQL's stop
   * button (which calls `iterable[Symbol.asyncIterator]().return()`) reaches it.
   * `start(sink)` returns a dispose function.
   */
  function pushIterable(start) {
    var queue = [];
    var waiting = [];
    var finished = false;
    var dispose = null;

    function flushDone() {
      while (waiting.length) waiting.shift()({ value: undefined, done: true });
    }
    var sink = {
      next: function (value) {
        if (finished) return;
        if (waiting.length) waiting.shift()({ value: value, done: false });
        else queue.push(value);
      },
      complete: function () {
        if (finished) return;
        finished = true;
        if (!queue.length) flushDone();
      },
    };

    var iterator = {
      next: function () {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve) {
          waiting.push(resolve);
        });
      },
      return: function () {
        var wasFinished = finished;
        finished = true;
        queue.length = 0;
        flushDone();
        if (!wasFinished && dispose) dispose();
        dispose = null;
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: function (error) {
        iterator.return();
        return Promise.reject(error);
      },
    };
    iterator[Symbol.asyncIterator] = function () {
      return iterator;
    };
    dispose = start(sink);
    if (finished) dispose = null;
    return iterator;
  }

  /** One graphql-ws connection; subscriptions share it. */
  function Connection(url, authorization, WebSocketImpl, onIdle) {
    this.url = url;
    this.authorization = authorization;
    this.WebSocketImpl = WebSocketImpl;
    this.onIdle = onIdle;
    this.sinks = new Map(); // id -> sink
    this.queue = []; // messages waiting for connection_ack
    this.acknowledged = false;
    this.closed = false;
    this.socket = null;
    this.ackTimer = null;
  }

  Connection.prototype.open = function () {
    var self = this;
    var socket;
    try {
      socket = new this.WebSocketImpl(this.url, SUBPROTOCOL);
    } catch (error) {
      this.fail('Cannot open WebSocket ' + this.url + ': ' + (error && error.message ? error.message : error));
      return;
    }
    this.socket = socket;
    socket.onopen = function () {
      if (socket.protocol && socket.protocol !== SUBPROTOCOL) {
        self.close(4406, 'Subprotocol not acceptable');
        return;
      }
      var payload = self.authorization ? { authorization: self.authorization } : {};
      self.sendRaw({ type: 'connection_init', payload: payload });
      self.ackTimer = setTimeout(function () {
        self.close(4408, 'Connection acknowledgement timeout');
      }, ACK_TIMEOUT_MS);
    };
    socket.onmessage = function (event) {
      self.receive(typeof event.data === 'string' ? event.data : String(event.data));
    };
    socket.onerror = function () {
      /* the close event that follows carries the code and reason */
    };
    socket.onclose = function (event) {
      var code = event && event.code;
      var reason = event && event.reason ? ': ' + event.reason : '';
      self.fail('WebSocket closed (' + (code || 'no code') + reason + ')');
    };
  };

  Connection.prototype.sendRaw = function (message) {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  };

  Connection.prototype.send = function (message) {
    if (this.acknowledged) this.sendRaw(message);
    else this.queue.push(message);
  };

  Connection.prototype.receive = function (data) {
    var message;
    try {
      message = JSON.parse(data);
    } catch (_error) {
      this.close(4400, 'Invalid message received');
      return;
    }
    if (!message || typeof message.type !== 'string') {
      this.close(4400, 'Invalid message received');
      return;
    }
    switch (message.type) {
      case 'connection_ack': {
        this.acknowledged = true;
        if (this.ackTimer) clearTimeout(this.ackTimer);
        this.ackTimer = null;
        var pending = this.queue;
        this.queue = [];
        for (var i = 0; i < pending.length; i++) this.sendRaw(pending[i]);
        return;
      }
      case 'ping':
        this.sendRaw(message.payload === undefined ? { type: 'pong' } : { type: 'pong', payload: message.payload });
        return;
      case 'pong':
        return;
      case 'next': {
        var sink = this.sinks.get(message.id);
        if (sink) sink.next(message.payload);
        return;
      }
      case 'error': {
        var errSink = this.sinks.get(message.id);
        if (errSink) {
          this.sinks.delete(message.id);
          errSink.next({ errors: Array.isArray(message.payload) ? message.payload : [message.payload] });
          errSink.complete();
          this.idleCheck();
        }
        return;
      }
      case 'complete': {
        var doneSink = this.sinks.get(message.id);
        if (doneSink) {
          this.sinks.delete(message.id);
          doneSink.complete();
          this.idleCheck();
        }
        return;
      }
      default:
        this.close(4400, 'Unexpected message type ' + message.type);
    }
  };

  Connection.prototype.subscribe = function (payload, sink) {
    var self = this;
    if (this.closed) {
      sink.next(errorResult('WebSocket connection is closed'));
      sink.complete();
      return function () {};
    }
    var id = newId();
    this.sinks.set(id, sink);
    this.send({ id: id, type: 'subscribe', payload: payload });
    return function dispose() {
      if (!self.sinks.has(id)) return;
      self.sinks.delete(id);
      if (self.acknowledged) self.sendRaw({ id: id, type: 'complete' });
      else
        self.queue = self.queue.filter(function (m) {
          return m.id !== id;
        });
      self.idleCheck();
    };
  };

  Connection.prototype.idleCheck = function () {
    if (this.sinks.size === 0) this.close(1000, 'Normal Closure');
  };

  Connection.prototype.close = function (code, reason) {
    if (this.closed) return;
    if (this.socket && (this.socket.readyState === 0 || this.socket.readyState === 1)) {
      try {
        this.socket.close(code, reason);
      } catch (_error) {
        /* already closing */
      }
    }
    this.fail('WebSocket closed (' + code + ': ' + reason + ')');
  };

  /** Ends the connection and every subscription still on it, with an error result. */
  Connection.prototype.fail = function (message) {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    var wasClosed = this.closed;
    this.closed = true;
    var sinks = Array.from(this.sinks.values());
    this.sinks.clear();
    this.queue = [];
    for (var i = 0; i < sinks.length; i++) {
      sinks[i].next(errorResult(message));
      sinks[i].complete();
    }
    if (!wasClosed && this.onIdle) this.onIdle(this);
  };

  /**
   * createFetcher({ url, wsUrl?, fetch?, WebSocket?, headers? }) -> GraphiQL fetcher.
   * `url` may be a path (resolved against the page location).
   */
  function createFetcher(options) {
    var opts = typeof options === 'string' ? { url: options } : options || {};
    var base = opts.base || (typeof location !== 'undefined' ? location.href : undefined);
    var httpUrl = base ? new URL(opts.url, base).toString() : opts.url;
    var wsUrl = opts.wsUrl || toWebSocketUrl(opts.url, base);
    var fetchImpl = opts.fetch || (typeof fetch !== 'undefined' ? fetch.bind(typeof self !== 'undefined' ? self : undefined) : null);
    var WebSocketImpl = opts.WebSocket || (typeof WebSocket !== 'undefined' ? WebSocket : null);
    var fixedHeaders = stringHeaders(opts.headers);
    var connections = new Map(); // authorization ('' = none) -> Connection

    function connectionFor(authorization) {
      var key = authorization || '';
      var existing = connections.get(key);
      if (existing && !existing.closed) return existing;
      var connection = new Connection(wsUrl, authorization, WebSocketImpl, function (c) {
        if (connections.get(key) === c) connections.delete(key);
      });
      connections.set(key, connection);
      connection.open();
      return connection;
    }

    function subscribe(params, headers) {
      if (!WebSocketImpl) return Promise.resolve(errorResult('This browser has no WebSocket support'));
      var authorization = findAuthorization(headers);
      var payload = { query: params.query };
      if (params.operationName) payload.operationName = params.operationName;
      if (params.variables) payload.variables = params.variables;
      if (params.extensions) payload.extensions = params.extensions;
      return pushIterable(function (sink) {
        return connectionFor(authorization).subscribe(payload, sink);
      });
    }

    function post(params, headers) {
      if (!fetchImpl) return Promise.resolve(errorResult('fetch is not available'));
      var requestHeaders = {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
      };
      var key;
      for (key in fixedHeaders) requestHeaders[key] = fixedHeaders[key];
      for (key in headers) requestHeaders[key] = headers[key];
      return fetchImpl(httpUrl, {
        method: 'POST',
        headers: requestHeaders,
        body: JSON.stringify(params),
        credentials: 'same-origin',
      }).then(
        function (response) {
          return response.text().then(function (text) {
            try {
              return JSON.parse(text);
            } catch (_error) {
              return errorResult('HTTP ' + response.status + ' ' + (response.statusText || '') + ': ' + text.slice(0, 500));
            }
          });
        },
        function (error) {
          return errorResult('Network error: ' + (error && error.message ? error.message : String(error)));
        },
      );
    }

    var fetcher = function (graphQLParams, fetcherOpts) {
      var headers = stringHeaders(fetcherOpts && fetcherOpts.headers);
      if (operationTypeOf(graphQLParams, fetcherOpts) === 'subscription') {
        return subscribe(graphQLParams, Object.assign({}, fixedHeaders, headers));
      }
      return post(graphQLParams, headers);
    };
    /** Closes every open WebSocket (tests, page unload). */
    fetcher.dispose = function () {
      Array.from(connections.values()).forEach(function (c) {
        c.close(1000, 'Normal Closure');
      });
      connections.clear();
    };
    return fetcher;
  }

  return {
    createFetcher: createFetcher,
    toWebSocketUrl: toWebSocketUrl,
    findAuthorization: findAuthorization,
    operationTypeOf: operationTypeOf,
  };
});
