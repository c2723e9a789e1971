/*
 * Starts GraphiQL on the Gongzhi gateway page. Kept out of the HTML so that the
 * page's Content-Security-Policy needs no inline script. The endpoint comes from
 * the container's data-endpoint attribute.
 */
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  if (!container) return;
  var endpoint = container.getAttribute('data-endpoint') || '/graphql';
  var fetcher = GongzhiGraphiQL.createFetcher({ url: endpoint });
  window.addEventListener('pagehide', function () {
    fetcher.dispose();
  });
  var root = ReactDOM.createRoot(container);
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      // Never keep an Authorization header in localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();
