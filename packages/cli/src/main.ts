#!/usr/bin/env node
console.log('tace: the command line is being built');
