/* dateline web app: pages (timeline, documents, add articles) over the JSON API.
 *
 * Every state-changing request carries the page's token in a custom header, which a
 * cross-site form or script cannot send. Untrusted text goes in with textContent only.
 */
(function () {
  "use strict";

  var V = window.DatelineViewer, el = V.el;
  var token = document.querySelector("meta[name=dateline-token]").getAttribute("content");
  var docCache = {};
  var viewer = null;
  var currentQuery = "";
  var currentStory = "";

  // The page's request, as /api/timeline and the downloads take it.
  function requestParams() {
    var params = [];
    if (currentQuery) params.push("q=" + encodeURIComponent(currentQuery));
    if (currentStory) params.push("story=" + encodeURIComponent(currentStory));
    return params.length ? "?" + params.join("&") : "";
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
        return body;
      });
    });
  }

  /* ---- pages -------------------------------------------------------------------------- */

  var PATHS = { timeline: "/", documents: "/documents", add: "/add" };

  function viewFor(path) {
    if (path === "/documents") return "documents";
    if (path === "/add") return "add";
    return "timeline";
  }

  function show(view) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-view-panel]"), function (s) {
      s.hidden = s.getAttribute("data-view-panel") !== view;
    });
    Array.prototype.forEach.call(document.querySelectorAll("nav a[data-view]"), function (a) {
      if (a.getAttribute("data-view") === view) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    if (view === "documents") loadDocuments();
    if (view === "timeline" && viewer) viewer.drawAxis();
  }

  function bindNav() {
    Array.prototype.forEach.call(document.querySelectorAll("nav a[data-view]"), function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var view = a.getAttribute("data-view");
        history.pushState({ view: view }, "", PATHS[view]);
        show(view);
      });
    });
    window.addEventListener("popstate", function () { show(viewFor(location.pathname)); });
  }

  /* ---- timeline ----------------------------------------------------------------------- */

  // A cold timeline of a large store takes a while: the server answers 202 with its progress
  // after a second (Prefer: respond-async), and the page says "building…" until it is there,
  // never "no entries".
  var loading = 0;

  function loadTimeline() {
    var url = "/api/timeline" + requestParams();
    var error = document.querySelector("[data-role=load-error]");
    var ticket = ++loading;
    viewer.setBusy("Building the timeline…");
    function ask() {
      return fetch(url, { headers: { Accept: "application/json",
                                      Prefer: "respond-async, wait=1" } })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
            if (ticket !== loading) return null;  // a newer request took over
            if (r.status === 202) {
              viewer.setBusy(buildingText(body));
              return new Promise(function (resolve) { setTimeout(resolve, 500); }).then(ask);
            }
            return body;
          });
        });
    }
    return ask().then(function (data) {
      if (!data) return;
      error.textContent = "";
      document.querySelector("[data-role=undated]").textContent = undatedText(data.undated);
      Object.keys(data.documents || {}).forEach(function (id) {
        if (docCache[id] && !docCache[id].text) delete docCache[id];
      });
      viewer.setData(data);
    }, function (err) {
      if (ticket !== loading) return;
      viewer.setBusy("");
      error.textContent = "Could not load the timeline: " + err.message;
    });
  }

  function buildingText(state) {
    var text = "Building the timeline";
    if (state.articles) text += " of " + state.articles + " articles";
    return text + "… " + Math.round(state.seconds || 0) + " s";
  }

  // Nothing dropped in silence: what the timeline could not date is counted on the page.
  function undatedText(u) {
    if (!u) return "";
    var parts = [];
    if (u.undated_articles) {
      parts.push(u.undated_articles + " of " + u.articles + " articles have no publication day");
    }
    if (u.undated_events) parts.push(u.undated_events + " events have no date");
    if (u.ranged_events) {
      parts.push(u.ranged_events + " events are known only to a range of days (marked approximate)");
    }
    return parts.length ? parts.join("; ") + "." : "";
  }

  function loadDocument(id) {
    if (!docCache[id]) {
      docCache[id] = getJSON("/api/document/" + encodeURIComponent(id));
    }
    return docCache[id];
  }

  /* ---- the user's decisions ----------------------------------------------------------- */

  // A decision goes to the store's one writer; every later timeline applies it.
  function decide(decision) {
    return fetch("/api/curations", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json",
        "X-Dateline-Token": token },
      body: JSON.stringify(decision)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
        return body;
      });
    });
  }

  function button(label, role, onClick) {
    var b = el("button", null, label);
    b.type = "button";
    b.setAttribute("data-role", role);
    b.addEventListener("click", onClick);
    return b;
  }

  function controlBox(label) {
    var box = el("div", "curate");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", label);
    return box;
  }

  function decided(box) {
    var status = el("p", "curate-status");
    status.setAttribute("role", "status");
    return function (decision) {
      status.textContent = "Saving…";
      if (!status.parentNode) box.appendChild(status);
      return decide(decision).then(function () {
        viewer.closePanel();
        docCache = {};
        return loadTimeline();
      }, function (err) { status.textContent = "Not saved: " + err.message; });
    };
  }

  function entryControls(entry) {
    var box = controlBox("Your decisions on this entry"), save = decided(box);
    box.appendChild(button("Hide", "hide", function () {
      save({ kind: "hide", target: entry.key });
    }));
    if ((entry.decided || []).indexOf("pinned") < 0) {
      box.appendChild(button("Pin", "pin", function () {
        save({ kind: "pin", target: entry.key });
      }));
    }
    box.appendChild(button("Edit text", "edit", function () {
      var text = el("textarea");
      text.setAttribute("data-role", "edit-text");
      text.setAttribute("aria-label", "The entry's text");
      text.value = entry.summary;
      box.appendChild(text);
      box.appendChild(button("Save text", "save-edit", function () {
        save({ kind: "edit", target: entry.key, value: text.value });
      }));
      text.focus();
    }));
    return box;
  }

  function documentControls(doc) {
    var box = controlBox("Your decisions on this article"), save = decided(box);
    var day = el("input");
    day.setAttribute("data-role", "set-date-value");
    day.setAttribute("aria-label", "Publication day, YYYY-MM-DD");
    day.placeholder = "YYYY-MM-DD";
    day.value = (doc.published && doc.published.date) || "";
    box.appendChild(day);
    box.appendChild(button("Set date", "set-date", function () {
      save({ kind: "date", target: doc.id, value: day.value.trim() });
    }));
    var armed = false, remove = button("Delete document", "delete", function () {
      if (!armed) { armed = true; remove.textContent = "Press again to delete"; return; }
      save({ kind: "delete", target: doc.id });
    });
    box.appendChild(remove);
    return box;
  }

  /* ---- documents ---------------------------------------------------------------------- */

  function dateEstimate(p) {
    if (!p || (!p.date && !p.earliest && !p.latest)) return "unknown";
    return V.publishedText(p).replace(/^Published /, "");
  }

  function loadDocuments() {
    var body = document.querySelector("[data-role=documents]");
    var count = document.querySelector("[data-role=doc-count]");
    getJSON("/api/documents").then(function (data) {
      body.textContent = "";
      data.documents.forEach(function (d) {
        var tr = el("tr");
        var title = el("td");
        var open = el("button", "link", d.title || "(untitled)");
        open.type = "button";
        open.addEventListener("click", function () { showDocument(d.id); });
        title.appendChild(open);
        tr.appendChild(title);
        tr.appendChild(el("td", null, d.outlet || ""));
        tr.appendChild(el("td", null, dateEstimate(d.published)));
        tr.appendChild(el("td", "status-" + d.status,
          d.status === "duplicate" ? "duplicate" : "ok"));
        tr.appendChild(el("td", "path", d.path));
        body.appendChild(tr);
      });
      data.failures.forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", null, f.source));
        tr.appendChild(el("td"));
        tr.appendChild(el("td"));
        tr.appendChild(el("td", "status-failed", "failed: " + f.reason));
        tr.appendChild(el("td", "path", f.source));
        body.appendChild(tr);
      });
      count.textContent = data.documents.length + " documents, " + data.failures.length +
        " failed";
    }, function (err) { count.textContent = "Could not load documents: " + err.message; });
    loadDecisions();
  }

  var KIND_WORDS = { hide: "Hidden", pin: "Pinned", edit: "Edited", date: "Dated",
    "delete": "Deleted" };

  function loadDecisions() {
    var list = document.querySelector("[data-role=decisions]");
    var count = document.querySelector("[data-role=decision-count]");
    getJSON("/api/curations").then(function (data) {
      list.textContent = "";
      data.decisions.forEach(function (d) {
        var li = el("li", "decision");
        var words = KIND_WORDS[d.kind] + " " + d.target + (d.value ? ": " + d.value : "") +
          (d.reason ? " (" + d.reason + ")" : "") + " · " + d.made_at;
        li.appendChild(el("span", null, words));
        li.appendChild(button("Undo", "undo", function () {
          fetch("/api/curations/" + encodeURIComponent(d.id), {
            method: "DELETE", headers: { "X-Dateline-Token": token }
          }).then(function (r) {
            if (!r.ok) throw new Error("HTTP " + r.status);
            docCache = {};
            loadDocuments();
            loadTimeline();
          }).catch(function (err) { count.textContent = "Not undone: " + err.message; });
        }));
        list.appendChild(li);
      });
      count.textContent = data.decisions.length ? data.decisions.length +
        " decisions, applied to every timeline of this store" : "No decisions yet.";
    }, function (err) { count.textContent = "Could not load decisions: " + err.message; });
  }

  function showDocument(id) {
    loadDocument(id).then(function (doc) {
      history.pushState({ view: "timeline" }, "", "/");
      show("timeline");
      viewer.openEntry({ date: doc.published && doc.published.date || "", display_date:
        doc.title || doc.id, summary: doc.path, planned: false,
        sources: [{ document: id, start: 0, end: 0 }] }, null);
    });
  }

  /* ---- uploads ------------------------------------------------------------------------ */

  function upload(file, row) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      var bar = row.querySelector("progress"), status = row.querySelector(".upload-status");
      xhr.open("POST", "/api/upload");
      xhr.setRequestHeader("X-Dateline-Token", token);
      xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.addEventListener("progress", function (ev) {
        if (ev.lengthComputable) { bar.max = ev.total; bar.value = ev.loaded; }
      });
      xhr.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        bar.value = bar.max;
        if (xhr.status >= 400) {
          status.textContent = "failed: " + (body.error || ("HTTP " + xhr.status));
          status.className = "upload-status status-failed";
          resolve(false);
          return;
        }
        follow(body, bar, status).then(resolve);
      });
      xhr.addEventListener("error", function () {
        status.textContent = "failed: connection lost";
        status.className = "upload-status status-failed";
        resolve(false);
      });
      xhr.send(file);
    });
  }

  // The server ingests an upload in the background; its state is polled until it ends.
  function follow(job, bar, status) {
    return new Promise(function (resolve) {
      function show(state) {
        if (!state.finished) {
          if (state.status === "processing" && state.total) {
            bar.max = state.total; bar.value = state.processed;
            status.textContent = "processing " + state.processed + " of " + state.total;
          } else {
            bar.removeAttribute("value");
            status.textContent = state.status === "reading" ?
              "reading: " + state.read + " articles" : "waiting to be added";
          }
          setTimeout(poll, 300);
          return;
        }
        bar.max = 1; bar.value = 1;
        if (state.status !== "done") {
          status.textContent = "failed: " + (state.error || state.status);
          status.className = "upload-status status-failed";
          resolve(false);
          return;
        }
        var parts = [];
        if (state.added) parts.push(state.added + " added");
        if (state.duplicate) parts.push(state.duplicate + " already stored");
        if (state.undated) parts.push(state.undated + " without a publication day");
        if (state.undated_events) parts.push(state.undated_events + " events without a date");
        (state.failures || []).forEach(function (f) { parts.push("failed: " + f.reason); });
        status.textContent = parts.join("; ") || "nothing found";
        status.className = "upload-status " + (state.failures && state.failures.length &&
          !state.added ? "status-failed" : "status-ok");
        resolve(state.added > 0);
      }
      function poll() {
        fetch("/api/uploads/" + encodeURIComponent(job.id), { cache: "no-store" })
          .then(function (r) { return r.json(); })
          .then(show, function () {
            status.textContent = "failed: connection lost";
            status.className = "upload-status status-failed";
            resolve(false);
          });
      }
      show(job);
    });
  }

  function uploadAll(files) {
    var list = document.querySelector("[data-role=uploads]");
    var summary = document.querySelector("[data-role=upload-summary]");
    var rows = Array.prototype.map.call(files, function (file) {
      var li = el("li");
      li.appendChild(el("span", "upload-name", file.name));
      li.appendChild(el("progress"));
      li.appendChild(el("span", "upload-status", "waiting"));
      list.appendChild(li);
      return li;
    });
    summary.textContent = "Uploading " + files.length + " file(s)…";
    var added = 0, chain = Promise.resolve();
    Array.prototype.forEach.call(files, function (file, i) {
      chain = chain.then(function () {
        return upload(file, rows[i]).then(function (ok) { if (ok) added += 1; });
      });
    });
    return chain.then(function () {
      summary.textContent = "Done: " + added + " of " + files.length +
        " file(s) added articles. The timeline is up to date.";
      return loadTimeline();
    });
  }

  function bindUploads() {
    var zone = document.querySelector("[data-role=dropzone]");
    var input = document.querySelector("[data-role=files]");
    input.addEventListener("change", function () {
      if (input.files.length) uploadAll(input.files).then(function () { input.value = ""; });
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files.length) uploadAll(ev.dataTransfer.files);
    });
  }

  // Downloads export what the page shows: the same search and story.
  function updateDownloads() {
    Array.prototype.forEach.call(document.querySelectorAll(".downloads a"), function (a) {
      var base = a.getAttribute("href").split("?")[0];
      a.setAttribute("href", base + requestParams());
    });
  }

  // A download asks as the timeline does: while the server answers 202 "building", the
  // header says so with its progress and asks again; the file is saved once it is there.
  function bindDownloads() {
    Array.prototype.forEach.call(document.querySelectorAll(".downloads a"), function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        download(a.getAttribute("href"));
      });
    });
  }

  function download(url) {
    var status = document.querySelector("[data-role=download-status]");
    function ask() {
      return fetch(url, { headers: { Prefer: "respond-async, wait=1" } }).then(function (r) {
        if (r.status === 202) {
          return r.json().then(function (state) {
            status.textContent = buildingText(state);
            return new Promise(function (resolve) { setTimeout(resolve, 500); }).then(ask);
          });
        }
        if (!r.ok) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(body.error || ("HTTP " + r.status));
          });
        }
        return r.blob().then(function (blob) { save(blob, fileName(r)); });
      });
    }
    return ask().then(function () { status.textContent = ""; }, function (err) {
      status.textContent = "Could not download: " + err.message;
    });
  }

  function fileName(response) {
    var found = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
    return found ? found[1] : "timeline";
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function start() {
    viewer = V.create(document.getElementById("view-timeline"), {
      loadDocument: loadDocument,
      entryControls: entryControls,
      documentControls: documentControls,
      search: function (text) { currentQuery = text; updateDownloads(); loadTimeline(); },
      story: function (id) { currentStory = id; updateDownloads(); loadTimeline(); }
    });
    bindNav();
    bindUploads();
    bindDownloads();
    show(viewFor(location.pathname));
    loadTimeline();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
