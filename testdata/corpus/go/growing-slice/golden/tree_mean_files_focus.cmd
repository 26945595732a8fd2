go tool pprof -focus=main -noinlines -unit=kB -tree -mean -cum -files -nodecount=0 -nodefraction=0.05 heap_init.pb.gz
