/*
 * The signed-in session of the dashboard page: `login` with username and password, the
 * tokens kept in sessionStorage (this tab only; a reload stays signed in), `refreshSession`
 * shortly before the access token expires (refresh tokens are single use, so one refresh at
 * a time), and `logout`. Global `GongzhiSession`.
 */
(function (root) {
  'use strict';
  var KEY = 'gongzhi.dashboard.session';
  var TOKENS = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt account { username displayName }';
  var LOGIN = 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { ' + TOKENS + ' } }';
  var REFRESH = 'mutation Refresh($r: String!) { refreshSession(refreshToken: $r) { ' + TOKENS + ' } }';

  function GraphQLError(errors) {
    var first = (errors && errors[0]) || {};
    var e = new Error(first.message || 'request failed');
    e.code = (first.extensions && first.extensions.code) || 'ERROR';
    return e;
  }

  function post(endpoint, query, variables, token) {
    var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(endpoint, { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (res) {
        return res.json().catch(function () { return { errors: [{ message: 'HTTP ' + res.status, extensions: { code: res.status >= 500 ? 'UNAVAILABLE' : 'ERROR' } }] }; });
      }, function () {
        return { errors: [{ message: 'network error', extensions: { code: 'UNAVAILABLE' } }] };
      });
  }

  function create(endpoint) {
    var state = null;
    var refreshing = null;
    var timer = null;
    var listeners = [];
    try { state = JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (_e) { state = null; }

    function emit() { listeners.forEach(function (fn) { fn(state); }); }
    function expiresIn() { return state ? Date.parse(state.accessTokenExpiresAt) - Date.now() : -1; }

    function store(s) {
      state = s;
      if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
      else sessionStorage.removeItem(KEY);
      schedule();
      emit();
    }

    /** Refresh at a third of the token's life before it ends (at most a minute early). */
    function schedule() {
      clearTimeout(timer);
      if (!state) return;
      var ttl = Date.parse(state.accessTokenExpiresAt) - Date.parse(state.issuedAt || state.accessTokenExpiresAt);
      var lead = Math.min(60000, Math.max(1000, ttl / 3));
      timer = setTimeout(function () { refresh().catch(function () { /* signed out, listeners told */ }); }, Math.max(0, expiresIn() - lead));
    }

    function refresh() {
      if (refreshing) return refreshing;
      if (!state) return Promise.reject(GraphQLError([{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }]));
      refreshing = post(endpoint, REFRESH, { r: state.refreshToken }).then(function (res) {
        refreshing = null;
        if (res.data && res.data.refreshSession) {
          store(Object.assign({ issuedAt: new Date().toISOString() }, res.data.refreshSession));
          return state.accessToken;
        }
        var err = GraphQLError(res.errors);
        if (err.code !== 'UNAVAILABLE') store(null); // revoked or expired: sign in again
        else timer = setTimeout(function () { refresh().catch(function () {}); }, 2000);
        throw err;
      });
      return refreshing;
    }

    schedule();
    return {
      get account() { return state && state.account; },
      get signedIn() { return !!state; },
      onChange: function (fn) { listeners.push(fn); },
      login: function (username, password) {
        return post(endpoint, LOGIN, { u: username, p: password }).then(function (res) {
          if (!res.data || !res.data.login) throw GraphQLError(res.errors);
          store(Object.assign({ issuedAt: new Date().toISOString() }, res.data.login));
        });
      },
      /** A valid access token: the current one, or a refreshed one when it ends within 5 s. */
      token: function () {
        if (!state) return Promise.reject(GraphQLError([{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }]));
        return expiresIn() > 5000 ? Promise.resolve(state.accessToken) : refresh();
      },
      /** POST as the signed-in account; one refresh and retry on UNAUTHENTICATED. */
      request: function (query, variables) {
        var self = this;
        return self.token().then(function (t) { return post(endpoint, query, variables, t); }).then(function (res) {
          var code = res.errors && res.errors[0].extensions && res.errors[0].extensions.code;
          if (code !== 'UNAUTHENTICATED') return res;
          return refresh().then(function (t) { return post(endpoint, query, variables, t); });
        });
      },
      logout: function () {
        var t = state && state.accessToken;
        store(null);
        return t ? post(endpoint, 'mutation { logout }', {}, t) : Promise.resolve();
      },
    };
  }

  root.GongzhiSession = { create: create };
})(self);
