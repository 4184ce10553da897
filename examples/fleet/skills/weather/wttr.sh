#!/bin/sh
# Today's weather for a city, in one line: wttr.sh Paris
curl -s "wttr.in/${1:?city}?format=3"
