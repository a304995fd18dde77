// The fetcher GraphiQL at /graphql runs with, as browser JavaScript (a string: it is inlined into
// the page, never run by Node). It replaces the default one for two reasons:
//
// 1. Operation name. GraphiQL hands the fetcher the operation name it last saw, which can be stale:
//    replace a tab's `query Orders {...}` with an anonymous query, typed key by key, and Run sent
//    operationName "Orders" with a document that has no such operation ("Cannot infer operation
//    Orders"). This one derives the name from the document it is asked to run: the given name when
//    the document has an operation of that name, else the document's only operation's name.
// 2. Transport. The default sends subscriptions as a GET event stream, which the CSRF check
//    rightly refuses (a GET without the x-graphql-yoga-csrf header could come from any site). This
//    one sends everything, subscriptions included, as POST with `content-type: application/json`,
//    which a browser only sends cross-site after a CORS preflight the gateway does not grant (see
//    README, "GraphiQL"). The subscription's answer is the same Server-Sent Events stream.
export const GRAPHIQL_FETCHER = String.raw`
(function (render) {
  // The operations at the top level of a GraphQL document, [{ type, name }], from its text (strings
  // and comments removed; a brace at depth 0 opens an operation or a fragment's selection).
  function operations(source) {
    var text = source
      .replace(/"""[\s\S]*?"""/g, '""')
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/#[^\n\r]*/g, '');
    var found = [], depth = 0, parens = 0, pending = null, token;
    var tokens = /[{}()]|[@$]?[_A-Za-z][_0-9A-Za-z]*/g;
    while ((token = tokens.exec(text))) {
      var t = token[0];
      if (t === '(') parens++;
      else if (t === ')') parens--;
      else if (t === '{') {
        if (depth === 0 && parens === 0) {
          if (pending === null) found.push({ type: 'query', name: undefined });
          else if (pending !== 'fragment') found.push({ type: pending.type, name: pending.name });
          pending = null;
        }
        depth++;
      } else if (t === '}') depth--;
      else if (depth === 0 && parens === 0 && t[0] !== '@' && t[0] !== '$') {
        if (pending === null) pending = t === 'fragment' ? 'fragment' : { type: t, name: undefined, named: false };
        else if (pending !== 'fragment' && !pending.named) {
          pending.name = t;
          pending.named = true;
        }
      }
    }
    return found;
  }

  function choose(query, requested) {
    var ops = operations(query);
    for (var i = 0; i < ops.length; i++) if (requested && ops[i].name === requested) return ops[i];
    if (ops.length === 1) return ops[0];
    // Several operations and none of that name: the gateway says which name to give.
    return { type: 'query', name: undefined };
  }

  function answer(response) {
    return response.text().then(function (text) {
      try {
        return JSON.parse(text);
      } catch (e) {
        return { errors: [{ message: 'HTTP ' + response.status + ': ' + text }] };
      }
    });
  }

  // A Server-Sent Events answer as an async iterator of results; return() ends the request.
  function events(url, init) {
    var controller = new AbortController();
    var queue = [], waiting = null;
    function push(item) {
      if (waiting) {
        var w = waiting;
        waiting = null;
        w(item);
      } else queue.push(item);
    }
    (async function () {
      try {
        var response = await fetch(url, Object.assign({}, init, { signal: controller.signal }));
        if (!(response.headers.get('content-type') || '').includes('text/event-stream')) {
          push({ value: await answer(response) });
          push({ done: true });
          return;
        }
        var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        var buffer = '';
        for (;;) {
          var chunk = await reader.read();
          if (chunk.done) break;
          buffer += chunk.value;
          var blocks = buffer.split(/\r?\n\r?\n/);
          buffer = blocks.pop();
          for (var b = 0; b < blocks.length; b++) {
            var event = 'message', data = [];
            var lines = blocks[b].split(/\r?\n/);
            for (var l = 0; l < lines.length; l++) {
              if (lines[l].indexOf('event:') === 0) event = lines[l].slice(6).trim();
              else if (lines[l].indexOf('data:') === 0) data.push(lines[l].slice(5).replace(/^ /, ''));
            }
            if (event === 'complete') {
              push({ done: true });
              controller.abort();
              return;
            }
            if (data.length) push({ value: JSON.parse(data.join('\n')) });
          }
        }
        push({ done: true });
      } catch (error) {
        push(controller.signal.aborted ? { done: true } : { error: error });
      }
    })();
    var iterator = {
      next: function () {
        var item = queue.length ? Promise.resolve(queue.shift()) : new Promise(function (r) { waiting = r; });
        return item.then(function (i) {
          if (i.error) throw i.error;
          return i.done ? { done: true, value: undefined } : { done: false, value: i.value };
        });
      },
      return: function () {
        controller.abort();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
    iterator[Symbol.asyncIterator] = function () { return iterator; };
    return iterator;
  }

  return function (root, options) {
    var url = new URL(options.endpoint || location.pathname, location.href).toString();
    function fetcher(params, opts) {
      var operation = choose(params.query, params.operationName);
      var headers = Object.assign({}, options.additionalHeaders || {}, (opts && opts.headers) || {}, {
        'content-type': 'application/json',
        accept: operation.type === 'subscription' ? 'text/event-stream' : 'application/graphql-response+json, application/json',
      });
      var init = {
        method: 'POST',
        headers: headers,
        credentials: options.credentials || 'same-origin',
        body: JSON.stringify({ query: params.query, variables: params.variables || undefined, operationName: operation.name }),
      };
      if (operation.type === 'subscription') return events(url, init);
      return fetch(url, init).then(answer);
    }
    return render(root, Object.assign({}, options, { fetcher: fetcher }));
  };
})
`;
