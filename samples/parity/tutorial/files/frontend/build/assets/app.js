/* eslint-env browser */
// What a frontend build emits: the app that routes on the client.
document.getElementById("root").textContent = location.pathname;
