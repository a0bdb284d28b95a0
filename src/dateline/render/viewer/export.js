/* Boots the timeline viewer inside a saved HTML export: the data is embedded in the page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dateline-data").textContent);
  var root = document.getElementById("view-timeline");
  var viewer = window.DatelineViewer.create(root, {
    loadDocument: function (id) {
      var doc = data.documents[id];
      return doc ? Promise.resolve(doc) : Promise.reject(new Error("not in this file"));
    }
  });
  viewer.setData(data);
})();
