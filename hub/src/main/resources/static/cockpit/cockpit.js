/* The cockpit: draws the answers of /api/v1/cockpit/* every 10 s. Numbers are shown as the API gives them; each
   figure carries stable ids / data attributes (the browser test compares them with the API). */
(function () {
  'use strict';
  var REFRESH_MS = 10000;
  var SYSTEMS = { ALARM110: '110警情', HOTLINE12345: '12345热线', PETITION: '信访', ODR: '在线矛调', LABOR: '劳动监察',
    ZHENGDING: '浙政钉' };
  var STATUSES = { RECEIVED: '已接收', DISPATCHED: '已下发', SIGNED: '已签收', ARRIVED: '已到场', HANDLING: '处置中',
    RESOLVED: '已化解', UNRESOLVED: '未化解', CLOSED: '已办结', REVISITED: '已回访', RETURNED: '已退回', WITHDRAWN: '已撤回' };
  var STAGES = { inbound: '接入', intake: '受理', dispatch: '派单', status: '状态', relay: '回传', notify: '通知',
    audit: '审计', sla: '时限', other: '其他' };
  var INDICATORS = ['signOff', 'onTimeArrival', 'closureFeedback', 'resolution', 'repeatReports'];
  var WAIT = { SIGN: '签收', ARRIVE: '到场' };
  var ZONE = { timeZone: 'Asia/Shanghai', hour12: false };
  var charts = {};
  var waitingAt = null;
  var refreshes = 0;

  function system(code) { return SYSTEMS[code] || code; }
  function status(code) { return STATUSES[code] || code; }
  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function pct(rate) { return rate == null ? '—' : (rate * 100).toFixed(1) + '%'; }
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id), null, { renderer: 'canvas' }); }
    return charts[id];
  }
  function get(path) {
    return fetch('/api/v1/cockpit/' + path, { credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) {
        if (r.status === 401) { window.location.href = '/login'; throw new Error('请重新登录'); }
        if (!r.ok) { throw new Error(path + ': HTTP ' + r.status); }
        return r.json();
      });
  }

  function intake(d) {
    $('stat-intake-total').textContent = d.total;
    $('stat-intake-total').dataset.value = d.total;
    $('intake-sources').innerHTML = d.bySource.map(function (c) {
      return '<li data-source="' + esc(c.key) + '" data-count="' + c.count + '"><span>' + esc(system(c.key)) +
        '</span><span class="count">' + c.count + '</span></li>';
    }).join('') || '<li class="empty">今日暂无</li>';
    $('intake-statuses').innerHTML = d.byStatus.map(function (c) {
      return '<li data-status="' + esc(c.key) + '" data-count="' + c.count + '"><span>' + esc(status(c.key)) +
        '</span><span class="count">' + c.count + '</span></li>';
    }).join('') || '<li class="empty">今日暂无</li>';
    var nodes = d.bySource.map(function (c) { return { name: system(c.key) }; })
      .concat(d.byStatus.map(function (c) { return { name: status(c.key) }; }));
    chart('chart-intake').setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'sankey', left: 10, right: 70, nodeGap: 10, data: nodes, emphasis: { focus: 'adjacency' },
        label: { color: '#d7e3f4' }, lineStyle: { color: 'gradient', opacity: 0.45 },
        links: d.flows.map(function (f) { return { source: system(f.source), target: status(f.status), value: f.count }; }) }]
    }, true);
  }

  function spark(values) {
    var bars = '▁▂▃▄▅▆▇█';
    return values.map(function (v) { return v == null ? '·' : bars[Math.min(7, Math.floor(v * 8))]; }).join('');
  }

  function kpis(d) {
    $('kpi-days').textContent = d.days.length;
    var rows = [d.overall].concat(d.departments);
    $('kpi-table').tBodies[0].innerHTML = rows.map(function (dept) {
      return '<tr data-dept="' + esc(dept.deptCode || 'ALL') + '"><td>' + esc(dept.deptName || dept.deptCode) + '</td>' +
        INDICATORS.map(function (k) {
          var w = dept.week[k];
          return '<td data-indicator="' + k + '" data-numerator="' + w.numerator + '" data-denominator="' +
            w.denominator + '" data-rate="' + (w.rate == null ? '' : w.rate) + '"><span class="rate">' + pct(w.rate) +
            '</span><span class="frac">' + w.numerator + '/' + w.denominator + '</span><span class="spark" title="近' +
            d.days.length + '日">' + spark(dept.daily.map(function (day) { return day[k].rate; })) + '</span></td>';
        }).join('') + '</tr>';
    }).join('');
    chart('chart-kpi').setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      legend: { textStyle: { color: '#9fb6d6' }, top: 0 },
      grid: { left: 40, right: 20, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: d.days.map(function (s) { return s.substring(5); }), axisLabel: { color: '#9fb6d6' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#9fb6d6', formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#1b345e' } } },
      series: INDICATORS.map(function (k) {
        return { type: 'line', smooth: true, connectNulls: true, name: d.overall.week[k].name,
          data: d.overall.daily.map(function (day) { return day[k].rate == null ? null : +(day[k].rate * 100).toFixed(1); }) };
      })
    }, true);
  }

  function countdown(seconds) {
    var s = Math.abs(seconds);
    var text = (s >= 3600 ? Math.floor(s / 3600) + ':' : '') + ('0' + Math.floor(s % 3600 / 60)).slice(-2) + ':' +
      ('0' + s % 60).slice(-2);
    return seconds < 0 ? '超时 ' + text : text;
  }

  function tick() {
    if (!waitingAt) { return; }
    var elapsed = Math.floor((Date.now() - waitingAt) / 1000);
    document.querySelectorAll('#waiting-table td.countdown').forEach(function (td) {
      var left = +td.dataset.secondsLeft - elapsed;
      td.textContent = countdown(left);
      td.className = 'countdown num ' + (left < 0 ? 'overdue' : left < 300 ? 'soon' : '');
    });
  }

  function waiting(d) {
    $('stat-waiting-sign').textContent = d.signOff;
    $('stat-waiting-arrive').textContent = d.arrival;
    $('stat-waiting-overdue').textContent = d.overdue;
    $('waiting-table').dataset.total = d.total;
    $('waiting-table').tBodies[0].innerHTML = d.cases.map(function (c) {
      return '<tr data-case="' + esc(c.caseId) + '" data-waiting-for="' + esc(c.waitingFor) + '" data-due="' + esc(c.dueAt) +
        '"><td>' + esc(c.caseId) + '<br><small>' + esc(system(c.source)) + ' · ' + esc(c.title) + '</small></td><td>' +
        esc(c.deptName) + '</td><td>' + esc(WAIT[c.waitingFor] || c.waitingFor) + '</td><td>' +
        esc(new Date(c.dueAt).toLocaleTimeString('zh-CN', ZONE)) +
        '</td><td class="countdown num" data-seconds-left="' + c.secondsLeft + '"></td></tr>';
    }).join('') || '<tr><td colspan="5" class="empty">暂无等待中的案件</td></tr>';
    waitingAt = Date.now();
    tick();
  }

  function red(d) {
    $('stat-red-open').textContent = d.open;
    $('red-table').dataset.open = d.open;
    $('red-table').tBodies[0].innerHTML = d.cases.map(function (c) {
      return '<tr data-case="' + esc(c.caseId) + '" data-reasons="' + c.reasons.length + '"><td>' + esc(c.caseId) +
        '<br><small>' + esc(system(c.source)) + ' · ' + esc(c.title) + '</small></td><td>' + esc(status(c.status)) +
        '</td><td>' + esc(c.deptName || '—') + '</td><td>' + c.reasons.map(function (r) {
          return '<span class="reason">' + esc(r) + '</span>';
        }).join('') + '</td></tr>';
    }).join('') || '<tr><td colspan="4" class="empty">暂无在办红色警情</td></tr>';
  }

  function spots(id, list) {
    var max = list.reduce(function (m, s) { return Math.max(m, s.reports); }, 1);
    $(id).innerHTML = list.map(function (s) {
      return '<li data-kind="' + esc(s.kind) + '" data-reports="' + s.reports + '"><span><span class="bar" style="width:' +
        Math.round(60 * s.reports / max) + 'px"></span><span class="label">' + esc(s.label) +
        '</span></span><span class="count">' + s.reports + ' 次</span></li>';
    }).join('') || '<li class="empty">暂无重复</li>';
  }

  function hotspots(d) {
    $('hotspot-days').textContent = d.days;
    spots('hotspot-addresses', d.addresses);
    spots('hotspot-callers', d.callers);
  }

  function queues(d) {
    $('stat-queue-depth').textContent = d.depth;
    $('stat-queue-parked').textContent = d.parked;
    $('queue-table').tBodies[0].innerHTML = d.queues.map(function (q) {
      return '<tr data-queue="' + esc(q.queue) + '"><td>' + esc(STAGES[q.stage] || q.stage) + '</td><td>' + esc(q.queue) +
        '</td><td class="num depth">' + q.depth + '</td><td class="num parked">' + q.parked + '</td></tr>';
    }).join('');
    chart('chart-queues').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { textStyle: { color: '#9fb6d6' }, top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: d.stages.map(function (s) { return STAGES[s.stage] || s.stage; }),
        axisLabel: { color: '#9fb6d6' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#9fb6d6' }, splitLine: { lineStyle: { color: '#1b345e' } } },
      series: [
        { type: 'bar', stack: 'q', name: '积压', data: d.stages.map(function (s) { return s.depth; }), itemStyle: { color: '#2f8cff' } },
        { type: 'bar', stack: 'q', name: '停放', data: d.stages.map(function (s) { return s.parked; }), itemStyle: { color: '#ffc857' } }]
    }, true);
  }

  var PARTS = [['intake', intake], ['kpis', kpis], ['waiting', waiting], ['red', red], ['hotspots', hotspots],
    ['queues', queues]];

  function refresh() {
    return Promise.all(PARTS.map(function (p) { return get(p[0]); })).then(function (answers) {
      answers.forEach(function (a, i) { PARTS[i][1](a); });
      refreshes++;
      $('updated-at').textContent = new Date().toLocaleTimeString('zh-CN', ZONE);
      $('error').hidden = true;
      document.body.dataset.loaded = 'true';
      document.body.dataset.refreshes = refreshes;
    }).catch(function (e) {
      $('error').textContent = '刷新失败：' + e.message;
      $('error').hidden = false;
    });
  }

  setInterval(function () {
    $('clock').textContent = new Date().toLocaleString('zh-CN', ZONE);
    tick();
  }, 1000);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.cockpitRefresh = refresh;
  refresh();
  setInterval(refresh, REFRESH_MS);
}());
