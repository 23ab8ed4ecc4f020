#!/bin/sh
# Stands in for shouhou: prints a fixed report naming the documents given.
for a; do case "$a" in *a.txt) A="$a";; *b.txt) B="$a";; *c.txt) C="$a";; esac; done
cat <<JSON
{"documents":[
 {"path":"$A","kind":"policy","b2b":false,"error":null,
  "facts":[{"topic":"return_window","op":"<=","value":7,"unit":"day","text":"七日内可退货","line":1},
           {"topic":"warranty_period","op":"=","value":1,"unit":"year","text":"x","line":1}],
  "findings":[{"rule":"CPL-REFUND-7D","status":"violation","evidence":"退款15个工作日内到账","line":1},
              {"rule":"CPL-REFUND-7D","status":"violation","evidence":"退款15个工作日内到账","line":1},
              {"rule":"CPL-BLANK","status":"unclear","evidence":"七日内可退货","line":1}]},
 {"path":"$B","kind":"policy","error":null,"facts":[],
  "findings":[{"rule":"CPL-RET-7D","status":"violation","evidence":"消费者可以退货","line":1}]},
 {"path":"$C","kind":"policy","b2b":true,"error":null,"facts":[],
  "findings":[{"rule":"CPL-BLANK","status":"unclear","evidence":"____","line":3,
               "occurrences":[{"line":3,"evidence":"____"},{"line":6,"evidence":"____"}]}]}
]}
JSON
