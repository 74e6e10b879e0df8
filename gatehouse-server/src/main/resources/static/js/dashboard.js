// Dashboard charts: loads the account's numbers from the page's data-url and draws them with ECharts.
(function () {
  'use strict';

  var container = document.getElementById('dashboard-charts');
  if (!container || typeof echarts === 'undefined') {
    return;
  }

  var palette = {
    revenue: '#4f46e5',
    installs: '#06b6d4',
    conversions: '#f59e0b',
    grid: '#eef0f5',
    axis: '#8a90a2'
  };
  var money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  var moneyCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  var count = new Intl.NumberFormat('en-US');
  var shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

  function label(day) {
    return shortDate.format(new Date(day + 'T00:00:00Z'));
  }

  function compact(value) {
    if (value >= 1000000) { return (value / 1000000).toFixed(1).replace(/\.0$/, '') + 'M'; }
    if (value >= 1000) { return (value / 1000).toFixed(1).replace(/\.0$/, '') + 'k'; }
    return String(value);
  }

  function baseOption(days, color, valueFormatter, axisFormatter) {
    return {
      animationDuration: 400,
      color: [color],
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: valueFormatter,
        borderColor: '#e3e6ef',
        textStyle: { color: '#1c2233' }
      },
      xAxis: {
        type: 'category',
        data: days.map(label),
        boundaryGap: false,
        axisLine: { lineStyle: { color: '#d5d9e4' } },
        axisTick: { show: false },
        axisLabel: { color: palette.axis, hideOverlap: true }
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: palette.grid } },
        axisLabel: { color: palette.axis, formatter: axisFormatter }
      }
    };
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option);
    return chart;
  }

  function render(data) {
    var revenue = baseOption(data.days, palette.revenue, function (v) { return moneyCents.format(v); },
      function (v) { return '$' + compact(v); });
    revenue.series = [{
      name: 'Revenue', type: 'line', data: data.revenue.map(Number), smooth: 0.25, showSymbol: false,
      lineStyle: { width: 2.5 },
      areaStyle: {
        color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
          { offset: 0, color: 'rgba(79, 70, 229, 0.28)' },
          { offset: 1, color: 'rgba(79, 70, 229, 0.02)' }
        ])
      }
    }];

    var installs = baseOption(data.days, palette.installs, function (v) { return count.format(v); }, compact);
    installs.xAxis.boundaryGap = true;
    installs.series = [{
      name: 'App installs', type: 'bar', data: data.installs, barMaxWidth: 18,
      itemStyle: { borderRadius: [3, 3, 0, 0] }
    }];

    var conversions = baseOption(data.days, palette.conversions, function (v) { return count.format(v); }, compact);
    conversions.series = [{
      name: 'Conversions', type: 'line', data: data.conversions, smooth: 0.25, showSymbol: false,
      lineStyle: { width: 2.5 }
    }];

    var charts = [
      draw('chart-revenue', revenue),
      draw('chart-installs', installs),
      draw('chart-conversions', conversions)
    ];
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
    container.setAttribute('data-loaded', 'true');
  }

  function fail(message) {
    ['chart-revenue', 'chart-installs', 'chart-conversions'].forEach(function (id) {
      var element = document.getElementById(id);
      element.classList.add('chart-error');
      element.textContent = message;
    });
  }

  fetch(container.getAttribute('data-url'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  }).then(function (response) {
    if (!response.ok) {
      throw new Error(response.status === 403
        ? 'Access to this account is not allowed from your network any more. Reload the page.'
        : 'The numbers could not be loaded. Reload the page to try again.');
    }
    if ((response.headers.get('Content-Type') || '').indexOf('json') < 0) {
      // A redirect to the sign-in page: the session has ended.
      throw new Error('Your session has ended. Reload the page to sign in again.');
    }
    return response.json();
  }).then(render).catch(function (error) {
    fail(error instanceof Error && error.message
      ? error.message : 'The numbers could not be loaded. Reload the page to try again.');
  });
})();
