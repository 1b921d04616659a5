// kubernetes-models 5 and @kubernetes-models/istio 3 (our validation oracle) and two packages under them
// publish only an `import` export condition. Jest on Node 20 resolves with `require` conditions, so for
// these packages alone we ask for the `import` entry; transform.js then compiles them to CommonJS.
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/[^/]+|is-cidr|cidr-regex)(\/|$)/;

module.exports = (request, options) => {
  if (ESM_ONLY.test(request)) {
    return options.defaultResolver(request, { ...options, conditions: ['import', 'default'] });
  }
  return options.defaultResolver(request, options);
};
