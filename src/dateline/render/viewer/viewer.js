/* dateline timeline viewer: time axis with a date-range brush, filtered entry list, sources.
 *
 * Shared by the web app (data from /api/) and the offline HTML export (data embedded in the
 * page). Article text is untrusted: everything is put in the page with textContent or
 * createTextNode, never innerHTML.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var YEAR = 365.25 * DAY;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  // How many entries are put in the page at once; more are added as the list scrolls.
  var CHUNK = 120;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  /* ---- dates ---------------------------------------------------------------------- */

  // [start, end) in UTC milliseconds for "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null if invalid.
  function interval(value) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value || "").trim());
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : null, d = m[3] ? +m[3] : null;
    if (mo !== null && (mo < 0 || mo > 11)) return null;
    if (d !== null) {
      var day = Date.UTC(y, mo, d);
      if (new Date(day).getUTCDate() !== d) return null;
      return [day, day + DAY];
    }
    if (mo !== null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
    return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  }

  function rangeSpan(within) {
    var a = interval(within.earliest), b = interval(within.latest);
    return a && b ? [a[0], b[1]] : null;
  }

  // What every entry shows beside its date: approximate, planned, and the user's decisions.
  function marks(entry) {
    var found = [];
    if (entry.approximate) found.push(["approximate", "approximate"]);
    if (entry.planned) found.push(["planned", "planned"]);
    (entry.decided || []).forEach(function (d) { found.push(["decided", d + " by you"]); });
    return found;
  }

  function addMarks(node, entry) {
    marks(entry).forEach(function (m) {
      var badge = el("span", "badge " + m[0], m[1]);
      if (m[0] === "approximate") badge.title = "The day is known only to this range";
      node.appendChild(badge);
    });
  }

  function displayDate(value) {
    var p = String(value).split("-");
    if (p.length === 1) return p[0];
    var month = MONTHS[+p[1] - 1] || p[1];
    if (p.length === 2) return month + " " + p[0];
    return month + " " + (+p[2]) + ", " + p[0];
  }

  var UNITS = ["decade", "year", "month", "day"];

  function unitFor(span) {
    if (span > 40 * YEAR) return "decade";
    if (span > 3 * YEAR) return "year";
    if (span > 100 * DAY) return "month";
    return "day";
  }

  function floorTo(ms, unit) {
    var d = new Date(ms), y = d.getUTCFullYear();
    if (unit === "decade") return Date.UTC(y - (((y % 10) + 10) % 10), 0, 1);
    if (unit === "year") return Date.UTC(y, 0, 1);
    if (unit === "month") return Date.UTC(y, d.getUTCMonth(), 1);
    return Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
  }

  function nextOf(ms, unit) {
    var d = new Date(ms), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (unit === "decade") return Date.UTC(y + 10, 0, 1);
    if (unit === "year") return Date.UTC(y + 1, 0, 1);
    if (unit === "month") return Date.UTC(y, m + 1, 1);
    return ms + DAY;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // A period start as the calendar value the range inputs accept, at the unit's precision.
  function calendarValue(ms, unit) {
    var d = new Date(ms), y = String(d.getUTCFullYear());
    if (unit === "decade" || unit === "year") return y;
    if (unit === "month") return y + "-" + pad(d.getUTCMonth() + 1);
    return y + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }

  function periodLabel(ms, unit, short) {
    var d = new Date(ms), y = d.getUTCFullYear(), m = MONTHS[d.getUTCMonth()];
    if (unit === "decade") return y + "s";
    if (unit === "year") return String(y);
    if (unit === "month") return short ? m.slice(0, 3) + " " + y : m + " " + y;
    return short ? d.getUTCDate() + " " + m.slice(0, 3) : m + " " + d.getUTCDate() + ", " + y;
  }

  /* ---- published-date text ---------------------------------------------------------- */

  function publishedText(p) {
    if (!p) return "Publication date unknown";
    var parts = [];
    if (p.date) parts.push("Published " + displayDate(p.date));
    else if (p.earliest && p.latest) {
      parts.push("Published between " + displayDate(p.earliest) + " and " +
        displayDate(p.latest));
    } else if (p.latest) parts.push("Published before " + displayDate(p.latest));
    else if (p.earliest) parts.push("Published after " + displayDate(p.earliest));
    else parts.push("Publication date unknown");
    if (p.date && p.earliest && p.latest && p.earliest !== p.latest) {
      parts.push("(between " + displayDate(p.earliest) + " and " + displayDate(p.latest) + ")");
    }
    var confidence = Math.round((p.confidence || 0) * 100);
    parts.push("· confidence " + confidence + "%");
    if (p.method === "user") parts.push("· given by you");
    else if (p.method && p.method !== "none") parts.push("· from " + p.method);
    return parts.join(" ");
  }

  /* ---- the viewer ------------------------------------------------------------------- */

  function Viewer(root, options) {
    this.root = root;
    this.options = options || {};
    this.data = { entries: [], documents: {}, stories: [], entities: [] };
    this.entries = [];
    this.visible = [];
    this.filter = { from: null, to: null, story: "", entity: "", text: "" };
    this.busy = "";  // what the web app is building, shown instead of an empty state
    this.view = null;
    this.zoomed = false;
    this.extent = null;
    this.rendered = 0;
    this.build();
  }

  Viewer.prototype.build = function () {
    var self = this;
    var q = function (sel) { return self.root.querySelector(sel); };
    this.searchForm = q("[data-role=search-form]");
    this.searchInput = q("[data-role=search]");
    this.fromInput = q("[data-role=from]");
    this.toInput = q("[data-role=to]");
    this.storySelect = q("[data-role=story]");
    this.entitySelect = q("[data-role=entity]");
    this.countNode = q("[data-role=count]");
    this.axis = q("[data-role=axis]");
    this.list = q("[data-role=entries]");
    this.panel = q("[data-role=sources]");
    this.rangeError = q("[data-role=range-error]");

    this.searchForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      self.search(self.searchInput.value.trim());
    });
    var onRange = function () { self.applyRangeInputs(); };
    this.fromInput.addEventListener("change", onRange);
    this.toInput.addEventListener("change", onRange);
    // The web app asks the store for the story's own timeline (options.story), as
    // `dateline timeline --story N` does; the offline export filters its entries.
    this.storySelect.addEventListener("change", function () {
      self.filter.story = self.storySelect.value;
      if (self.options.story) self.options.story(self.filter.story);
      else self.refresh();
    });
    this.entitySelect.addEventListener("change", function () {
      self.filter.entity = self.entitySelect.value; self.refresh();
    });
    q("[data-role=zoom-in]").addEventListener("click", function () { self.zoom(0.5); });
    q("[data-role=zoom-out]").addEventListener("click", function () { self.zoom(2); });
    q("[data-role=reset]").addEventListener("click", function () { self.reset(); });
    this.axis.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = self.axis.getBoundingClientRect();
      self.zoom(ev.deltaY > 0 ? 1.25 : 0.8, (ev.clientX - rect.left) / rect.width);
    }, { passive: false });
    this.bindBrush();
    this.list.addEventListener("keydown", function (ev) { self.onListKey(ev); });
    this.panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") self.closePanel();
    });
    window.addEventListener("resize", function () { self.drawAxis(); });
    if ("IntersectionObserver" in window) {
      this.observer = new IntersectionObserver(function (items) {
        if (items.some(function (i) { return i.isIntersecting; })) self.renderMore();
      }, { rootMargin: "600px" });
    }
  };

  // "Building…" with progress while the web app waits for a timeline; "" when done.
  Viewer.prototype.setBusy = function (text) {
    this.busy = text;
    this.root.setAttribute("aria-busy", text ? "true" : "false");
    this.refresh();
  };

  Viewer.prototype.setData = function (data) {
    this.data = data;
    this.busy = "";
    this.root.setAttribute("aria-busy", "false");
    this.entries = (data.entries || []).map(function (e) {
      // A day known only to a range spans the range, never one made-up day.
      var span = e.within ? rangeSpan(e.within) : interval(e.date);
      return { entry: e, start: span ? span[0] : null, end: span ? span[1] : null };
    }).filter(function (x) { return x.start !== null; });
    this.entries.sort(function (a, b) {
      return a.start - b.start || (b.end - b.start) - (a.end - a.start) || a.entry.id - b.entry.id;
    });
    this.fillSelect(this.storySelect, "All stories", (data.stories || []).map(function (s) {
      return [s.id, s.label + " (" + s.size + ")"];
    }), this.filter.story);
    // The facet list: each name with its kind and how many entries name it.
    this.fillSelect(this.entitySelect, "All names", (data.facets || []).map(function (f) {
      return [f.name, f.name + " · " + f.kind + " (" + f.count + ")"];
    }), this.filter.entity);
    this.showChanges(data.changes || []);
    this.filter.story = this.storySelect.value;
    this.filter.entity = this.entitySelect.value;
    if (this.entries.length) {
      var first = this.entries[0].start;
      var last = Math.max.apply(null, this.entries.map(function (x) { return x.end; }));
      var margin = Math.max((last - first) * 0.02, DAY);
      this.extent = [first - margin, last + margin];
    } else {
      this.extent = null;
    }
    // New data (an upload, a search) keeps the user's zoom; otherwise show everything.
    if (!this.zoomed || !this.view || !this.extent) {
      this.view = this.extent && this.extent.slice();
      this.zoomed = false;
    }
    this.refresh();
  };

  // The web app searches the store (options.search); the offline export matches entry text.
  Viewer.prototype.search = function (text) {
    if (this.options.search) { this.options.search(text); return; }
    this.filter.text = text.toLowerCase();
    this.refresh();
  };

  Viewer.prototype.fillSelect = function (select, allLabel, options, current) {
    select.textContent = "";
    select.appendChild(new Option(allLabel, ""));
    options.forEach(function (o) { select.appendChild(new Option(o[1], String(o[0]))); });
    select.value = options.some(function (o) { return String(o[0]) === current; }) ? current : "";
    select.disabled = options.length === 0;
  };

  Viewer.prototype.matches = function (x) {
    var f = this.filter, e = x.entry;
    if (f.from !== null && x.start < f.from) return false;
    if (f.to !== null && x.start >= f.to) return false;
    if (f.story && !this.options.story && e.stories.map(String).indexOf(f.story) < 0) {
      return false;
    }
    if (f.entity && e.entities.indexOf(f.entity) < 0) return false;
    if (f.text && (e.summary + " " + e.outlets.join(" ")).toLowerCase().indexOf(f.text) < 0) {
      return false;
    }
    return true;
  };

  Viewer.prototype.refresh = function () {
    var self = this;
    this.visible = this.entries.filter(function (x) { return self.matches(x); });
    var total = this.entries.length, shown = this.visible.length;
    this.countNode.textContent = this.busy || (shown === total ? total + " entries" :
      shown + " of " + total + " entries");
    this.drawAxis();
    this.renderList();
  };

  /* ---- date range ------------------------------------------------------------------- */

  Viewer.prototype.applyRangeInputs = function () {
    var from = this.fromInput.value.trim(), to = this.toInput.value.trim();
    var a = from ? interval(from) : null, b = to ? interval(to) : null;
    if ((from && !a) || (to && !b)) {
      this.rangeError.textContent = "Dates are YYYY, YYYY-MM or YYYY-MM-DD.";
      return;
    }
    this.rangeError.textContent = "";
    this.setRange(a ? a[0] : null, b ? b[1] : null, true);
  };

  Viewer.prototype.setRange = function (from, to, zoomTo) {
    if (from !== null && to !== null && to <= from) { var t = from; from = to; to = t; }
    this.filter.from = from;
    this.filter.to = to;
    if (zoomTo && this.extent) {
      var lo = from !== null ? from : this.extent[0], hi = to !== null ? to : this.extent[1];
      var margin = Math.max((hi - lo) * 0.05, DAY / 2);
      this.view = [lo - margin, hi + margin];
      this.zoomed = from !== null || to !== null;
    }
    this.refresh();
  };

  Viewer.prototype.showRangeInputs = function (from, to, unit) {
    this.fromInput.value = from === null ? "" : calendarValue(from, unit);
    this.toInput.value = to === null ? "" : calendarValue(to - 1, unit === "decade" ? "year" : unit);
    this.rangeError.textContent = "";
  };

  Viewer.prototype.reset = function () {
    this.fromInput.value = "";
    this.toInput.value = "";
    this.rangeError.textContent = "";
    this.view = this.extent && this.extent.slice();
    this.zoomed = false;
    this.setRange(null, null, false);
  };

  Viewer.prototype.zoom = function (factor, at) {
    if (!this.view) return;
    var pos = at === undefined ? 0.5 : Math.min(Math.max(at, 0), 1);
    var span = this.view[1] - this.view[0];
    var next = Math.min(Math.max(span * factor, 3 * DAY), 400 * YEAR);
    var center = this.view[0] + span * pos;
    this.view = [center - next * pos, center + next * (1 - pos)];
    this.zoomed = true;
    this.drawAxis();
    this.renderList();
  };

  /* ---- axis: histogram, ticks, brush ------------------------------------------------ */

  Viewer.prototype.axisGeometry = function () {
    var width = Math.max(this.axis.clientWidth || 0, 200);
    return { width: width, height: 96, top: 8, base: 70 };
  };

  Viewer.prototype.x = function (ms, g) {
    return (ms - this.view[0]) / (this.view[1] - this.view[0]) * g.width;
  };

  Viewer.prototype.ms = function (x, g) {
    return this.view[0] + x / g.width * (this.view[1] - this.view[0]);
  };

  Viewer.prototype.drawAxis = function () {
    var g = this.axisGeometry(), self = this;
    this.axis.textContent = "";
    var root = svg("svg", { width: g.width, height: g.height, viewBox: "0 0 " + g.width + " " +
      g.height, role: "img", "aria-label": "Entries over time; drag to choose a date range" });
    this.axis.appendChild(root);
    if (!this.view) {
      var empty = svg("text", { x: g.width / 2, y: g.height / 2, "text-anchor": "middle",
        "class": "axis-empty" });
      empty.textContent = this.busy || "No dated entries yet";
      root.appendChild(empty);
      return;
    }
    var unit = unitFor(this.view[1] - this.view[0]);
    this.unit = unit;
    var counts = {}, planned = {}, max = 0;
    this.entries.forEach(function (x) {
      if (x.start < self.view[0] || x.start > self.view[1]) return;
      // An entry known only to the year has no place in a month's bar.
      if (UNITS.indexOf(x.entry.precision) < UNITS.indexOf(unit) &&
          UNITS.indexOf(x.entry.precision) >= 0) return;
      var key = floorTo(x.start, unit);
      counts[key] = (counts[key] || 0) + 1;
      if (x.entry.planned) planned[key] = (planned[key] || 0) + 1;
      max = Math.max(max, counts[key]);
    });
    if (this.filter.from !== null || this.filter.to !== null) {
      var a = this.filter.from !== null ? this.x(this.filter.from, g) : 0;
      var b = this.filter.to !== null ? this.x(this.filter.to, g) : g.width;
      root.appendChild(svg("rect", { x: Math.max(a, 0), y: 0, width: Math.max(Math.min(b, g.width) -
        Math.max(a, 0), 0), height: g.base, "class": "axis-range" }));
    }
    var step = this.tickStep(unit, g);
    var tick = floorTo(this.view[0], unit), n = 0;
    while (tick <= this.view[1]) {
      var x0 = this.x(tick, g), x1 = this.x(nextOf(tick, unit), g);
      var c = counts[tick] || 0;
      if (c) {
        var h = Math.max(c / max * (g.base - g.top), 2);
        var bar = svg("rect", { x: x0 + 0.5, y: g.base - h, width: Math.max(x1 - x0 - 1, 1),
          height: h, "class": "axis-bar" });
        var title = svg("title");
        title.textContent = periodLabel(tick, unit) + ": " + c + (c === 1 ? " entry" : " entries");
        bar.appendChild(title);
        root.appendChild(bar);
        var p = planned[tick] || 0;
        if (p) {
          root.appendChild(svg("rect", { x: x0 + 0.5, y: g.base - h, width: Math.max(x1 - x0 - 1, 1),
            height: h * p / c, "class": "axis-bar planned" }));
        }
      }
      if (n % step === 0) {
        root.appendChild(svg("line", { x1: x0, x2: x0, y1: g.base, y2: g.base + 5,
          "class": "axis-tick" }));
        var label = svg("text", { x: x0 + 2, y: g.base + 18, "class": "axis-label" });
        label.textContent = periodLabel(tick, unit, true);
        root.appendChild(label);
      }
      tick = nextOf(tick, unit);
      n += 1;
    }
    root.appendChild(svg("line", { x1: 0, x2: g.width, y1: g.base, y2: g.base, "class": "axis-line" }));
    this.brushRect = svg("rect", { x: 0, y: 0, width: 0, height: g.base, "class": "axis-brush" });
    root.appendChild(this.brushRect);
    var unitLabel = this.root.querySelector("[data-role=unit]");
    if (unitLabel) {
      var shown = unit === "day" ? "month" : "year";
      var a = periodLabel(floorTo(this.view[0], shown), shown);
      var b = periodLabel(floorTo(this.view[1], shown), shown);
      unitLabel.textContent = "Showing " + unit + "s" + (unit === "decade" || unit === "year" ?
        "" : ", " + (a === b ? a : a + " – " + b));
    }
  };

  Viewer.prototype.tickStep = function (unit, g) {
    var tick = floorTo(this.view[0], unit), perTick = this.x(nextOf(tick, unit), g) - this.x(tick, g);
    var minLabel = unit === "day" ? 46 : 60;
    return Math.max(1, Math.ceil(minLabel / Math.max(perTick, 1)));
  };

  Viewer.prototype.bindBrush = function () {
    var self = this, start = null;
    var localX = function (ev) {
      var rect = self.axis.getBoundingClientRect();
      return Math.min(Math.max(ev.clientX - rect.left, 0), rect.width);
    };
    this.axis.addEventListener("pointerdown", function (ev) {
      if (!self.view || ev.button !== 0) return;
      start = localX(ev);
      self.axis.setPointerCapture(ev.pointerId);
    });
    this.axis.addEventListener("pointermove", function (ev) {
      if (start === null || !self.brushRect) return;
      var x = localX(ev);
      self.brushRect.setAttribute("x", String(Math.min(start, x)));
      self.brushRect.setAttribute("width", String(Math.abs(x - start)));
    });
    this.axis.addEventListener("pointerup", function (ev) {
      if (start === null) return;
      var g = self.axisGeometry(), x = localX(ev), unit = self.unit;
      var a = self.ms(Math.min(start, x), g), b = self.ms(Math.max(start, x), g);
      start = null;
      var from = floorTo(a, unit);
      // A click (no drag) picks the one period under the pointer.
      var to = Math.abs(b - a) < (self.view[1] - self.view[0]) / 200 ? nextOf(from, unit) :
        nextOf(floorTo(b, unit), unit);
      self.showRangeInputs(from, to, unit);
      self.setRange(from, to, true);
    });
  };

  /* ---- entry list ------------------------------------------------------------------- */

  Viewer.prototype.listUnit = function () {
    // Group by the axis unit, so list headings and chart bars name the same periods.
    return this.unit || "year";
  };

  Viewer.prototype.renderList = function () {
    this.list.textContent = "";
    this.rendered = 0;
    this.lastGroup = null;
    if (!this.visible.length) {
      this.list.appendChild(el("li", this.busy ? "empty building" : "empty", this.busy ||
        (this.entries.length ? "No entries match these filters." :
          "No dated entries yet. Add articles to build a timeline.")));
      return;
    }
    this.renderMore();
  };

  Viewer.prototype.renderMore = function () {
    if (this.sentinel) {
      if (this.observer) this.observer.unobserve(this.sentinel);
      this.sentinel.remove();
      this.sentinel = null;
    }
    var unit = this.listUnit(), end = Math.min(this.rendered + CHUNK, this.visible.length);
    var fragment = document.createDocumentFragment();
    for (var i = this.rendered; i < end; i++) {
      var x = this.visible[i], own = UNITS.indexOf(x.entry.precision);
      // Never group finer than the entry's own precision: "2006" is not "January 1, 2006".
      var groupUnit = own >= 0 && own < UNITS.indexOf(unit) ? UNITS[own] : unit;
      var group = groupUnit + floorTo(x.start, groupUnit);
      if (group !== this.lastGroup) {
        fragment.appendChild(el("li", "group", periodLabel(floorTo(x.start, groupUnit), groupUnit)));
        this.lastGroup = group;
      }
      fragment.appendChild(this.entryItem(x.entry));
    }
    this.rendered = end;
    if (end < this.visible.length) {
      var self = this;
      this.sentinel = el("li", "more");
      var button = el("button", "link", "Show more (" + (this.visible.length - end) + " left)");
      button.type = "button";
      button.addEventListener("click", function () { self.renderMore(); });
      this.sentinel.appendChild(button);
      fragment.appendChild(this.sentinel);
      if (this.observer) this.observer.observe(this.sentinel);
    }
    this.list.appendChild(fragment);
  };

  Viewer.prototype.entryItem = function (entry) {
    var self = this, li = el("li", "entry" + (entry.planned ? " planned" : ""));
    var button = el("button", "entry-open");
    button.type = "button";
    button.dataset.entry = String(entry.id);
    if (entry.key) button.dataset.key = entry.key;
    var head = el("span", "entry-head");
    var time = el("time", "entry-date", entry.display_date || displayDate(entry.date));
    time.setAttribute("datetime", entry.date);
    head.appendChild(time);
    addMarks(head, entry);
    if (entry.disagreements && entry.disagreements.length) {
      head.appendChild(el("span", "badge disagree", "sources disagree"));
    }
    button.appendChild(head);
    button.appendChild(el("span", "entry-summary", entry.summary));
    if (entry.outlets && entry.outlets.length) {
      button.appendChild(el("span", "entry-outlets", entry.outlets.join(" · ")));
    }
    button.addEventListener("click", function () { self.openEntry(entry, button); });
    li.appendChild(button);
    return li;
  };

  Viewer.prototype.onListKey = function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var buttons = Array.prototype.slice.call(this.list.querySelectorAll(".entry-open"));
    var i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    ev.preventDefault();
    var next = buttons[i + (ev.key === "ArrowDown" ? 1 : -1)];
    if (next) next.focus();
  };

  /* ---- sources panel ---------------------------------------------------------------- */

  Viewer.prototype.openEntry = function (entry, opener) {
    var self = this, panel = this.panel;
    this.opener = opener;
    Array.prototype.forEach.call(this.list.querySelectorAll(".entry-open[aria-current]"),
      function (b) { b.removeAttribute("aria-current"); });
    if (opener) opener.setAttribute("aria-current", "true");
    panel.textContent = "";
    panel.hidden = false;
    document.body.classList.add("panel-open");
    var bar = el("div", "panel-bar");
    var heading = el("h2", "panel-title", entry.display_date || displayDate(entry.date));
    heading.tabIndex = -1;
    bar.appendChild(heading);
    var close = el("button", "close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close sources");
    close.addEventListener("click", function () { self.closePanel(); });
    bar.appendChild(close);
    panel.appendChild(bar);
    var badges = el("p", "panel-marks");
    addMarks(badges, entry);
    if (badges.childNodes.length) panel.appendChild(badges);
    panel.appendChild(el("p", "panel-summary", entry.summary));
    (entry.disagreements || []).forEach(function (d) { panel.appendChild(disagreement(d)); });
    if (entry.names && entry.names.length) panel.appendChild(this.namesList(entry.names));
    if (this.options.entryControls && entry.key) {
      panel.appendChild(this.options.entryControls(entry));
    }
    var byDoc = {};
    entry.sources.forEach(function (s) { (byDoc[s.document] = byDoc[s.document] || []).push(s); });
    Object.keys(byDoc).forEach(function (id) {
      var section = el("section", "source");
      section.appendChild(el("p", "loading", "Loading source…"));
      panel.appendChild(section);
      self.loadDocument(id).then(function (doc) {
        self.fillSource(section, doc, byDoc[id]);
      }, function (err) {
        section.textContent = "";
        section.appendChild(el("p", "error", "Could not load source " + id + ": " + err.message));
      });
    });
    heading.focus();
  };

  Viewer.prototype.loadDocument = function (id) {
    return this.options.loadDocument(id);
  };

  Viewer.prototype.fillSource = function (section, doc, citations) {
    section.textContent = "";
    section.appendChild(el("h3", "source-title", doc.title || doc.path || doc.id));
    var meta = el("p", "source-meta");
    meta.appendChild(el("span", "source-outlet", doc.outlet || "Unknown outlet"));
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(el("span", "source-published", publishedText(doc.published)));
    section.appendChild(meta);
    if (this.options.documentControls) section.appendChild(this.options.documentControls(doc));
    var evidence = (doc.published && doc.published.evidence) || [];
    if (evidence.length) {
      var details = el("details", "evidence");
      details.appendChild(el("summary", null, "Date evidence"));
      var list = el("ul");
      evidence.forEach(function (line) { list.appendChild(el("li", null, line)); });
      details.appendChild(list);
      section.appendChild(details);
    }
    section.appendChild(highlighted(doc.text || "", citations));
    var mark = section.querySelector("mark");
    if (mark) {
      var box = mark.parentNode;
      box.scrollTop = Math.max(mark.offsetTop - box.offsetTop - box.clientHeight / 3, 0);
    }
  };

  var ABOUT = { quantity: "on ", date: "on the date", actor: "on who acted" };

  // Each source's own words side by side: one column per source.
  function disagreement(d) {
    var box = el("section", "disagreement");
    box.appendChild(el("h3", null, "Sources disagree " +
      (d.kind === "quantity" ? ABOUT.quantity + d.about : ABOUT[d.kind] || d.about)));
    var table = el("table", "claims"), head = el("tr"), words = el("tr"), said = el("tr");
    d.claims.forEach(function (c) {
      head.appendChild(el("th", null, c.source + (d.kind === "date" ? " · " + c.display_date : "")));
      words.appendChild(el("td", "claim-words", c.words || c.display_date));
      said.appendChild(el("td", "claim-sentence", c.sentence));
    });
    [head, words, said].forEach(function (row) { table.appendChild(row); });
    box.appendChild(table);
    return box;
  }

  // The entry's people, organisations and places; each opens that name's own timeline.
  Viewer.prototype.namesList = function (names) {
    var self = this, box = el("p", "names");
    box.appendChild(el("span", "names-label", "Names: "));
    names.forEach(function (n) {
      var button = el("button", "link name " + n.kind, n.name);
      button.type = "button";
      button.title = n.kind + ": show only the entries naming " + n.name;
      button.addEventListener("click", function () { self.showName(n.name); });
      box.appendChild(button);
    });
    return box;
  };

  Viewer.prototype.showName = function (name) {
    this.entitySelect.value = name;
    this.filter.entity = this.entitySelect.value;
    this.closePanel();
    this.refresh();
  };

  Viewer.prototype.showChanges = function (changes) {
    var node = this.root.querySelector("[data-role=changes]");
    if (!node) return;
    node.textContent = "";
    node.hidden = !changes.length;
    changes.forEach(function (c) { node.appendChild(el("li", null, c.text)); });
  };

  // The article text with each cited span wrapped in <mark>, built from text nodes.
  function highlighted(text, citations) {
    var box = el("div", "source-text");
    box.tabIndex = 0;
    box.setAttribute("aria-label", "Article text, cited sentences highlighted");
    var spans = citations.map(function (c) { return [c.start, c.end]; })
      .filter(function (s) { return s[0] >= 0 && s[1] <= text.length && s[0] < s[1]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) return;
      box.appendChild(document.createTextNode(text.slice(at, s[0])));
      box.appendChild(el("mark", null, text.slice(s[0], s[1])));
      at = s[1];
    });
    box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }

  Viewer.prototype.closePanel = function () {
    this.panel.hidden = true;
    this.panel.textContent = "";
    document.body.classList.remove("panel-open");
    if (this.opener && document.contains(this.opener)) this.opener.focus();
  };

  window.DatelineViewer = {
    create: function (root, options) { return new Viewer(root, options); },
    displayDate: displayDate,
    publishedText: publishedText,
    highlighted: highlighted,
    el: el
  };
})();
