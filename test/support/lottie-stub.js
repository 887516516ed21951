module.exports = { __esModule: true, default: () => null, useLottie: () => ({ View: null }) }
