#!/bin/sh
echo "hello from the headroom fixture"
