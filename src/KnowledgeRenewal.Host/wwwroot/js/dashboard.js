// Draws the dashboard's charts (/dashboard, the landing page) with the vendored Apache ECharts — those in the page and
// those loaded into it later (htmx:load: the dashboard's sections). Each chart reads its
// numbers from a <script type="application/json" id="…"> block named by the element's data-chart attribute (a strict
// CSP forbids inline script); the same numbers are in the table beside it. A click on a bar or point opens the list
// behind it. Canvas renderer, rich-text tooltips (HTML tooltips would need inline styles), decals so that colour is
// never the only cue.
(function () {
    'use strict';

    var palette = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'];

    // The numbers: in the element's data-chart-json attribute (the dashboard's sections: htmx drops script elements it
    // swaps in), or in the JSON block its data-chart attribute names (the landing page).
    function read(el) {
        var text = el.getAttribute('data-chart-json');
        if (text === null) {
            var block = document.getElementById(el.getAttribute('data-chart'));
            if (!block) { return null; }
            text = block.textContent;
        }
        try { return JSON.parse(text); } catch (e) { return null; }
    }

    function number(value) {
        return value === null || value === undefined ? '--' : Number(value).toLocaleString('zh-CN');
    }

    function options(data, narrow) {
        var rate = data.kind === 'rate';
        var line = data.kind === 'line';
        var horizontal = !line && (narrow || data.categories.length > 8);
        var category = { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: !horizontal, width: narrow ? 80 : 120, overflow: 'truncate' }, inverse: horizontal };
        var value = { type: 'value', max: rate ? 100 : null, axisLabel: { formatter: rate ? '{value}%' : '{value}' } };
        return {
            color: palette,
            aria: { enabled: true, decal: { show: true }, label: { description: data.title } },
            animation: false,
            tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return number(v) + (rate ? '%' : ''); } },
            legend: { show: data.series.length > 1, top: 0 },
            grid: { left: 8, right: 24, top: data.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
            xAxis: horizontal ? value : category,
            yAxis: horizontal ? category : value,
            series: data.series.map(function (s) {
                return {
                    name: s.name,
                    type: line ? 'line' : 'bar',
                    data: s.data.map(function (v) { return v === null ? '-' : v; }),
                    label: { show: !line && data.categories.length <= 12, position: horizontal ? 'right' : 'top', formatter: function (p) { return number(p.value) + (rate ? '%' : ''); } },
                    symbolSize: 8
                };
            })
        };
    }

    function draw(el) {
        if (el.hasAttribute('data-drawn')) { return; }
        var data = read(el);
        if (!data || !window.echarts) { return; }
        el.setAttribute('data-drawn', '');
        var narrow = el.clientWidth < 560;
        var horizontal = data.kind !== 'line' && (narrow || data.categories.length > 8);
        el.style.height = (horizontal ? Math.max(220, data.categories.length * 36 + 60) : 320) + 'px';
        var chart = window.echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
        chart.setOption(options(data, narrow));
        chart.on('click', function (p) {
            var href = data.links && data.links[p.dataIndex];
            if (href && href.charAt(0) === '/') { window.location.assign(href); }
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
    }

    // The dashboard loads each part of its figures into its section (htmx): draw the charts that arrive.
    document.addEventListener('htmx:load', function (event) {
        var root = event.detail && event.detail.elt;
        if (root && root.querySelectorAll) {
            Array.prototype.forEach.call(root.querySelectorAll('[data-chart]'), draw);
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
