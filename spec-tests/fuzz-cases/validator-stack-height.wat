;; Chicory 1.7.5: the validator rejects this valid module ("type mismatch, mismatching stack
;; height"); wabt's wasm-validate and V8 accept it. From module 1000-11623 of the seed-1000
;; campaign: every function but func 104 replaced by `unreachable` (104 alone keeps the
;; rejection), then func 104 reduced from 1131 to 527 lines by deleting line ranges while wabt
;; still validated it and Chicory still rejected it. Much of what is left follows `unreachable`,
;; `br` or `return`; not reduced further. All four configurations reject it at load.
(module
  (type (;0;) (func))
  (type (;1;) (func (param i32 f32 f32) (result i32)))
  (type (;2;) (func (result f64)))
  (type (;3;) (func (result i64)))
  (type (;4;) (func (param i64 f32) (result i32)))
  (type (;5;) (func (result f32)))
  (type (;6;) (func (result f32 i64 i32)))
  (type (;7;) (func (param i32 i32 f64) (result i32)))
  (type (;8;) (func (result i32)))
  (type (;9;) (func (result i64 f32)))
  (type (;10;) (func (result f64 f64)))
  (type (;11;) (func (result i32 i64)))
  (type (;12;) (func (result f64 i64 i64 f64 f32)))
  (type (;13;) (func (result f64 f32 f64 i64 i32)))
  (type (;14;) (func (result f32 i32 i64 f32 f32)))
  (type (;15;) (func (param f64) (result f64)))
  (type (;16;) (func (result f64 f32 i64 i32 f32)))
  (type (;17;) (func (result f64 f32 f64 f32)))
  (type (;18;) (func (result i64 f64 i32)))
  (type (;19;) (func (result i64 f32 f32 i32 f32)))
  (type (;20;) (func (result f32 i32 f32 i32 f32)))
  (type (;21;) (func (param i64 i64 f64) (result f32)))
  (type (;22;) (func (result f64 i32 f64)))
  (type (;23;) (func (result i64 f32 f64 f64 f32)))
  (type (;24;) (func (param i64) (result i64)))
  (type (;25;) (func (result i32 i32 i64)))
  (type (;26;) (func (param f32) (result i32)))
  (type (;27;) (func (param f64) (result f32)))
  (type (;28;) (func (param i32)))
  (type (;29;) (func (param i64)))
  (type (;30;) (func (param f32)))
  (type (;31;) (func (param f64)))
  (type (;32;) (func (param i64 f64 i64 i64 i32 f32 f32) (result i32)))
  (type (;33;) (func (param i32 i64 f32) (result i32)))
  (type (;34;) (func (param f32) (result i64 f64 f64 f64 i64)))
  (type (;35;) (func (result i64 f64 f64 f64 i64)))
  (type (;36;) (func (param i32) (result f64)))
  (type (;37;) (func (param f32 f32 f64 i32) (result i32)))
  (type (;38;) (func (param i64 i32) (result i32)))
  (type (;39;) (func (param f32) (result i32 i64)))
  (type (;40;) (func (param f64 f64 i32 i32 f64 f64 f64) (result f64 f64)))
  (type (;41;) (func (param f32 i64 f32 f32 i64) (result f64 i64 i64 f64 f64)))
  (type (;42;) (func (result f64 i64 i64 f64 f64)))
  (type (;43;) (func (param i32 f64) (result f64 i32 f64)))
  (type (;44;) (func (param i64 f64 i64) (result f32)))
  (type (;45;) (func (param f64 f32) (result f64)))
  (type (;46;) (func (param i32 f64 i64 i64 f64 f64 i32) (result i32)))
  (type (;47;) (func (param f64) (result i32 i64)))
  (type (;48;) (func (param f64 i64 i32 f64) (result f64)))
  (type (;49;) (func (param i64 i32 f32 f64) (result f64)))
  (type (;50;) (func (param f32) (result i64)))
  (type (;51;) (func (param f64 i32)))
  (type (;52;) (func (param f32 i32) (result f32)))
  (type (;53;) (func (param f64 f64 i64 i64 f64 i64 f32 f32)))
  (type (;54;) (func (param i32 f64 f32) (result f64)))
  (type (;55;) (func (param i32) (result i64)))
  (type (;56;) (func (param i64 i64 i64) (result i64)))
  (type (;57;) (func (param i32) (result f32)))
  (type (;58;) (func (param i32) (result i32)))
  (type (;59;) (func (param f64) (result f64 i64 i64 f64 f32)))
  (type (;60;) (func (param i64 i32) (result i64)))
  (type (;61;) (func (param f32) (result i64 f64)))
  (type (;62;) (func (result i64 f64)))
  (type (;63;) (func (param f32 i32) (result f64)))
  (type (;64;) (func (result f32 i32)))
  (type (;65;) (func (result f64 i32 f64 f32 f32 f64)))
  (type (;66;) (func (param f32) (result f32)))
  (import "fuzzing-support" "log-i32" (func (;0;) (type 28)))
  (import "fuzzing-support" "log-i64" (func (;1;) (type 29)))
  (import "fuzzing-support" "log-f32" (func (;2;) (type 30)))
  (import "fuzzing-support" "log-f64" (func (;3;) (type 31)))
  (func (;4;) (type 8) (result i32)
    unreachable)
  (func (;5;) (type 32) (param i64 f64 i64 i64 i32 f32 f32) (result i32)
    unreachable)
  (func (;6;) (type 1) (param i32 f32 f32) (result i32)
    unreachable)
  (func (;7;) (type 3) (result i64)
    unreachable)
  (func (;8;) (type 0)
    unreachable)
  (func (;9;) (type 33) (param i32 i64 f32) (result i32)
    unreachable)
  (func (;10;) (type 0)
    unreachable)
  (func (;11;) (type 2) (result f64)
    unreachable)
  (func (;12;) (type 0)
    unreachable)
  (func (;13;) (type 2) (result f64)
    unreachable)
  (func (;14;) (type 34) (param f32) (result i64 f64 f64 f64 i64)
    unreachable)
  (func (;15;) (type 0)
    unreachable)
  (func (;16;) (type 2) (result f64)
    unreachable)
  (func (;17;) (type 0)
    unreachable)
  (func (;18;) (type 15) (param f64) (result f64)
    unreachable)
  (func (;19;) (type 0)
    unreachable)
  (func (;20;) (type 5) (result f32)
    unreachable)
  (func (;21;) (type 0)
    unreachable)
  (func (;22;) (type 9) (result i64 f32)
    unreachable)
  (func (;23;) (type 36) (param i32) (result f64)
    unreachable)
  (func (;24;) (type 0)
    unreachable)
  (func (;25;) (type 2) (result f64)
    unreachable)
  (func (;26;) (type 0)
    unreachable)
  (func (;27;) (type 5) (result f32)
    unreachable)
  (func (;28;) (type 7) (param i32 i32 f64) (result i32)
    unreachable)
  (func (;29;) (type 5) (result f32)
    unreachable)
  (func (;30;) (type 3) (result i64)
    unreachable)
  (func (;31;) (type 3) (result i64)
    unreachable)
  (func (;32;) (type 0)
    unreachable)
  (func (;33;) (type 37) (param f32 f32 f64 i32) (result i32)
    unreachable)
  (func (;34;) (type 0)
    unreachable)
  (func (;35;) (type 18) (result i64 f64 i32)
    unreachable)
  (func (;36;) (type 38) (param i64 i32) (result i32)
    unreachable)
  (func (;37;) (type 0)
    unreachable)
  (func (;38;) (type 19) (result i64 f32 f32 i32 f32)
    unreachable)
  (func (;39;) (type 0)
    unreachable)
  (func (;40;) (type 2) (result f64)
    unreachable)
  (func (;41;) (type 3) (result i64)
    unreachable)
  (func (;42;) (type 0)
    unreachable)
  (func (;43;) (type 20) (result f32 i32 f32 i32 f32)
    unreachable)
  (func (;44;) (type 0)
    unreachable)
  (func (;45;) (type 39) (param f32) (result i32 i64)
    unreachable)
  (func (;46;) (type 21) (param i64 i64 f64) (result f32)
    unreachable)
  (func (;47;) (type 0)
    unreachable)
  (func (;48;) (type 0)
    unreachable)
  (func (;49;) (type 40) (param f64 f64 i32 i32 f64 f64 f64) (result f64 f64)
    unreachable)
  (func (;50;) (type 0)
    unreachable)
  (func (;51;) (type 2) (result f64)
    unreachable)
  (func (;52;) (type 41) (param f32 i64 f32 f32 i64) (result f64 i64 i64 f64 f64)
    unreachable)
  (func (;53;) (type 8) (result i32)
    unreachable)
  (func (;54;) (type 2) (result f64)
    unreachable)
  (func (;55;) (type 4) (param i64 f32) (result i32)
    unreachable)
  (func (;56;) (type 43) (param i32 f64) (result f64 i32 f64)
    unreachable)
  (func (;57;) (type 23) (result i64 f32 f64 f64 f32)
    unreachable)
  (func (;58;) (type 44) (param i64 f64 i64) (result f32)
    unreachable)
  (func (;59;) (type 0)
    unreachable)
  (func (;60;) (type 24) (param i64) (result i64)
    unreachable)
  (func (;61;) (type 45) (param f64 f32) (result f64)
    unreachable)
  (func (;62;) (type 0)
    unreachable)
  (func (;63;) (type 46) (param i32 f64 i64 i64 f64 f64 i32) (result i32)
    unreachable)
  (func (;64;) (type 47) (param f64) (result i32 i64)
    unreachable)
  (func (;65;) (type 2) (result f64)
    unreachable)
  (func (;66;) (type 25) (result i32 i32 i64)
    unreachable)
  (func (;67;) (type 26) (param f32) (result i32)
    unreachable)
  (func (;68;) (type 2) (result f64)
    unreachable)
  (func (;69;) (type 5) (result f32)
    unreachable)
  (func (;70;) (type 0)
    unreachable)
  (func (;71;) (type 48) (param f64 i64 i32 f64) (result f64)
    unreachable)
  (func (;72;) (type 0)
    unreachable)
  (func (;73;) (type 49) (param i64 i32 f32 f64) (result f64)
    unreachable)
  (func (;74;) (type 0)
    unreachable)
  (func (;75;) (type 2) (result f64)
    unreachable)
  (func (;76;) (type 0)
    unreachable)
  (func (;77;) (type 50) (param f32) (result i64)
    unreachable)
  (func (;78;) (type 0)
    unreachable)
  (func (;79;) (type 51) (param f64 i32)
    unreachable)
  (func (;80;) (type 0)
    unreachable)
  (func (;81;) (type 52) (param f32 i32) (result f32)
    unreachable)
  (func (;82;) (type 53) (param f64 f64 i64 i64 f64 i64 f32 f32)
    unreachable)
  (func (;83;) (type 0)
    unreachable)
  (func (;84;) (type 27) (param f64) (result f32)
    unreachable)
  (func (;85;) (type 54) (param i32 f64 f32) (result f64)
    unreachable)
  (func (;86;) (type 55) (param i32) (result i64)
    unreachable)
  (func (;87;) (type 8) (result i32)
    unreachable)
  (func (;88;) (type 5) (result f32)
    unreachable)
  (func (;89;) (type 0)
    unreachable)
  (func (;90;) (type 56) (param i64 i64 i64) (result i64)
    unreachable)
  (func (;91;) (type 0)
    unreachable)
  (func (;92;) (type 57) (param i32) (result f32)
    unreachable)
  (func (;93;) (type 26) (param f32) (result i32)
    unreachable)
  (func (;94;) (type 2) (result f64)
    unreachable)
  (func (;95;) (type 0)
    unreachable)
  (func (;96;) (type 58) (param i32) (result i32)
    unreachable)
  (func (;97;) (type 0)
    unreachable)
  (func (;98;) (type 59) (param f64) (result f64 i64 i64 f64 f32)
    unreachable)
  (func (;99;) (type 60) (param i64 i32) (result i64)
    unreachable)
  (func (;100;) (type 61) (param f32) (result i64 f64)
    unreachable)
  (func (;101;) (type 0)
    unreachable)
  (func (;102;) (type 3) (result i64)
    unreachable)
  (func (;103;) (type 0)
    unreachable)
  (func (;104;) (type 63) (param f32 i32) (result f64)
    (local i64 i64 i32 f32)
    global.get 0
    if  ;; label = @1
      f64.const 0x1p+63 (;=9.22337e+18;)
      return
    end
    global.get 0
    if  ;; label = @1
      f64.const 0x1.ff6ap+15 (;=65461;)
      return
    end
    block  ;; label = @1
      loop (result f32)  ;; label = @2
        global.get 0
        if  ;; label = @3
          f64.const 0x0p+0 (;=0;)
          return
        end
        global.get 0
        i32.const 1
        i32.sub
        global.set 0
        f32.const -0x1p+0 (;=-1;)
      end
      f32.const -0x1p+32 (;=-4.29497e+09;)
      f32.le
      if  ;; label = @2
        block  ;; label = @3
        end
        unreachable
        if (result i32)  ;; label = @3
          local.get 1
        else
          i32.const -2147483648
        end
        if  ;; label = @3
        end
        if (result f32 i32)  ;; label = @3
          f64.const 0x0p+0 (;=0;)
          return
        else
          f32.const -0x1p+0 (;=-1;)
          i32.const -6881199
        end
        local.set 4
        drop
      end
      loop  ;; label = @2
        global.get 0
        if  ;; label = @3
        end
        global.get 0
        global.set 0
        loop (result f32)  ;; label = @3
          global.get 0
          if  ;; label = @4
            f64.const 0x0p+0 (;=0;)
            return
          end
          global.get 0
          i32.const 1
          i32.sub
          global.set 0
          block  ;; label = @4
            local.get 2
            i64.eqz
            br_if 0 (;@4;)
          end
          i32.const 2047
          i32.const -98
          f64.const -0x1.ffffffffffdbp+42 (;=-8.79609e+12;)
          i32.const 7
          call_indirect (type 7)
          br_if 0 (;@3;)
          f32.const -0x1.b6fca8p+21 (;=-3.59618e+06;)
        end
        f32.const -0x1.c08312p-3 (;=-0.219;)
        f32.le
        block (result i64)  ;; label = @3
          block  ;; label = @4
            loop (result i32)  ;; label = @5
              global.get 0
              if  ;; label = @6
                f64.const -0x1.fffdcdd2f1aap+14 (;=-32767.5;)
                return
              end
              global.get 0
              global.set 0
              block  ;; label = @6
                loop (result i32)  ;; label = @7
                  local.get 1
                end
                i32.const 15
                call_indirect (type 3)
                local.get 0
                local.get 0
                f32.ge
                i32.const -126
                local.get 0
                local.get 0
                i32.const 0
                call_indirect (type 1)
                i32.ne
                if (result i32)  ;; label = @7
                  i32.const -65535
                else
                  block  ;; label = @8
                  end
                  unreachable
                end
                if (result i32)  ;; label = @7
                  br 3 (;@4;)
                else
                  block (result i32)  ;; label = @8
                    i32.const 32768
                    if  ;; label = @9
                      local.get 1
                      if (result i32)  ;; label = @10
                        call 4
                      else
                        i32.const 32767
                      end
                      if  ;; label = @10
                        i32.const 14
                        i32.const 15
                        i32.const -255
                        i32.const 15
                        i32.and
                        memory.copy
                        local.get 1
                        call_indirect (type 0)
                        f32.const 0x0p+0 (;=0;)
                        local.set 0
                      end
                      i32.const 0
                      local.set 1
                    end
                    br 3 (;@5;)
                  end
                end
                br_if 3 (;@3;)
                i64.store offset=22
                local.get 2
                local.get 1
                br_if 3 (;@3;)
                local.get 0
                i32.const 19
                call_indirect (type 4)
                if (result i32)  ;; label = @7
                  block (result i32)  ;; label = @8
                    i32.const -3328
                    f32.const 0x1.94p+7 (;=202;)
                    f64.const 0x0p+0 (;=0;)
                    i32.const 32769
                    f64.const 0x0p+0 (;=0;)
                    drop
                    drop
                    drop
                    local.set 5
                    drop
                    local.get 5
                    i64.trunc_f32_s
                    i32.const -2048
                    f32.const 0x0p+0 (;=0;)
                    drop
                    drop
                    local.get 3
                    local.get 1
                    select
                    local.set 2
                    loop (result i32)  ;; label = @9
                      global.get 0
                      if  ;; label = @10
                        f64.const -0x1.fcb53f7ced917p+6 (;=-127.177;)
                        return
                      end
                      global.get 0
                      if  ;; label = @10
                        i32.const -2147483648
                        local.get 1
                        i32.store8 offset=22
                      end
                      i32.const -3
                      br_if 0 (;@9;)
                      i32.const -1590856664
                    end
                    i32.const -2048
                    loop (result f64)  ;; label = @9
                      global.get 0
                      br_if 0 (;@9;)
                      call 65
                    end
                    f64.const -0x1.fffffffb59168p+30 (;=-2.14748e+09;)
                    f64.const -0x1.1e17bc18p+29 (;=-5.9998e+08;)
                    f64.min
                    f64.sub
                    i32.const 7
                    call_indirect (type 7)
                  end
                else
                  loop (result i32)  ;; label = @8
                    global.get 0
                    if  ;; label = @9
                      f64.const 0x0p+0 (;=0;)
                      return
                    end
                    global.get 0
                    if  ;; label = @9
                      f64.const 0x1.ffffff4ap+31 (;=4.29497e+09;)
                      return
                    end
                    global.get 0
                    local.get 2
                    i32.const 128
                    if (result f32)  ;; label = @9
                      local.get 0
                    else
                      f32.const -0x1.fffff8p+18 (;=-524288;)
                    end
                    call 9
                    loop (result f32)  ;; label = @9
                      global.get 0
                      if  ;; label = @10
                        f64.const 0x1.00000000a8b44p+32 (;=4.29497e+09;)
                        return
                      end
                      f32.const 0x1.fffffep+127 (;=3.40282e+38;)
                    end
                    f32.store offset=4 align=2
                    local.get 1
                  end
                  block  ;; label = @8
                  end
                end
                br_if 2 (;@4;)
              end
              i32.const -4194304
              if (result f32)  ;; label = @6
                local.get 0
              else
                local.get 0
              end
              call 93
              if (result i32)  ;; label = @6
                block (result i32)  ;; label = @7
                  loop (result f64)  ;; label = @8
                    global.get 0
                    if  ;; label = @9
                      f64.const 0x1p+56 (;=7.20576e+16;)
                      return
                    end
                    global.get 0
                    global.set 0
                    block (result f64)  ;; label = @9
                      local.get 1
                      if  ;; label = @10
                        local.get 1
                        i32.const 15
                        i32.and
                        local.set 1
                      end
                      loop (result i32)  ;; label = @10
                        global.get 0
                        if  ;; label = @11
                          f64.const 0x1.89374bc6a7efap-1 (;=0.768;)
                          return
                        end
                        loop  ;; label = @11
                          global.get 0
                          if  ;; label = @12
                            f64.const -0x1.48p+6 (;=-82;)
                            return
                          end
                          local.get 1
                          br_if 0 (;@11;)
                        end
                        br 6 (;@4;)
                      end
                      unreachable
                    end
                  end
                  br 3 (;@4;)
                end
              else
                i32.const -2147483648
              end
              br_if 0 (;@5;)
              local.get 1
            end
            br_if 0 (;@4;)
            block (result i64)  ;; label = @5
              i64.const 129
            end
            loop (result f64 f32 f64 i64 i32)  ;; label = @5
              global.get 0
              global.set 0
              block (result f64 f32 f64 i64 i32)  ;; label = @6
                f64.const -0x1.6p+6 (;=-88;)
                f64.const 0x0p+0 (;=0;)
                f64.lt
                i32.const 5
                i32.const 0
                memory.init 2
                f64.const 0x0p+0 (;=0;)
                f32.const 0x1p+32 (;=4.29497e+09;)
                f64.const -0x1.ffffffcbc6a7fp+24 (;=-3.35544e+07;)
                i64.const 2147483649
                i32.const -29615
              end
            end
            drop
            drop
            drop
            local.set 5
            drop
            local.get 5
            f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
            f64.const 0x1.ffffffaap+31 (;=4.29497e+09;)
            f64.sub
            i32.trunc_sat_f64_s
            call_indirect (type 4)
            i32.const 15
            i32.and
            f64.const 0x1.ff16p+15 (;=65419;)
            f64.store offset=22 align=4
            local.get 0
            drop
          end
          i32.const 14
          call_indirect (type 3)
        end
        i64.store32 offset=4 align=1
        local.get 1
        br_if 0 (;@2;)
        local.get 1
        i32.const 15
        i32.and
        if  ;; label = @3
          block  ;; label = @4
            loop  ;; label = @5
              global.get 0
              if  ;; label = @6
                f64.const 0x1.ffffff2cp+31 (;=4.29497e+09;)
                return
              end
              global.get 0
              global.set 0
              f32.const -0x1.6bc6a8p+0 (;=-1.421;)
              i32.trunc_sat_f32_u
              if (result i32)  ;; label = @6
                br 4 (;@2;)
              else
                i32.const 32768
              end
              local.get 0
              f32.const -0x1.b6fca8p+21 (;=-3.59618e+06;)
              i32.const 0
              call_indirect (type 1)
              if  ;; label = @6
                block (result f32)  ;; label = @7
                  block (result f32)  ;; label = @8
                    local.get 1
                    f32.load offset=22 align=1
                  end
                  block (result i32)  ;; label = @8
                    loop  ;; label = @9
                      global.get 0
                      if  ;; label = @10
                        f64.const -0x1.fffffffffffffp+1023 (;=-1.79769e+308;)
                        return
                      end
                      block  ;; label = @10
                      end
                    end
                    unreachable
                  end
                  i32.const -24737
                  if (result i32)  ;; label = @8
                    i32.const -25
                  else
                    f64.const 0x1.000002e5e353fp+23 (;=8.38861e+06;)
                    return
                  end
                  i32.const 128
                  select
                  br_if 0 (;@7;)
                end
                loop  ;; label = @7
                  global.get 0
                  if  ;; label = @8
                  end
                  block  ;; label = @8
                    block  ;; label = @9
                    end
                  end
                end
                unreachable
              end
            end
          end
          block  ;; label = @4
            local.get 0
            call 2
            i32.const 32768
            if (result i64)  ;; label = @5
              i32.const 32768
              if (result i64)  ;; label = @6
                loop  ;; label = @7
                  global.get 0
                  if  ;; label = @8
                    f64.const 0x1.78p+6 (;=94;)
                    return
                  end
                end
                unreachable
              else
                loop (result i32)  ;; label = @7
                  global.get 0
                  if  ;; label = @8
                  end
                  global.get 0
                  if  ;; label = @8
                    block  ;; label = @9
                      block  ;; label = @10
                      end
                    end
                  end
                  local.get 0
                  call 2
                  loop (result i32)  ;; label = @8
                    global.get 0
                    if  ;; label = @9
                      f64.const -0x1.ffffffffffff8p+49 (;=-1.1259e+15;)
                      return
                    end
                    global.get 0
                    global.set 0
                    i64.const 34369
                    i64.eqz
                  end
                  loop (result i32)  ;; label = @8
                    i32.const -536870912
                  end
                  i32.const -12486
                  select
                  drop
                  local.get 4
                end
                block  ;; label = @7
                  block (result i32)  ;; label = @8
                    local.get 1
                    if  ;; label = @9
                      block  ;; label = @10
                        i32.const 15
                        if (result i32)  ;; label = @11
                          loop (result i32)  ;; label = @12
                            global.get 0
                            br_if 0 (;@12;)
                            i32.const 65491
                          end
                        else
                          block (result i32)  ;; label = @12
                            local.get 1
                            if  ;; label = @13
                              local.get 0
                              call 2
                            end
                            loop (result i32)  ;; label = @13
                              global.get 0
                              if  ;; label = @14
                                f64.const -0x1p+31 (;=-2.14748e+09;)
                                return
                              end
                              local.get 1
                            end
                          end
                        end
                        block  ;; label = @11
                        end
                        unreachable
                      end
                      i32.const -1452779733
                      i32.const -14
                      i32.and
                      block (result i64)  ;; label = @10
                        local.get 2
                        f32.const -0x1.06ap+14 (;=-16808;)
                        f32.const -0x1.e2p+9 (;=-964;)
                        f32.div
                        i32.const 19
                        call_indirect (type 4)
                        i64.extend_i32_s
                        local.set 2
                        f64.const 0x0p+0 (;=0;)
                        f64.const 0x1.8p+5 (;=48;)
                        f64.gt
                        if (result i64)  ;; label = @11
                          local.get 2
                          local.get 2
                          i64.sub
                        else
                          i64.const 0
                        end
                      end
                      i64.store8 offset=3
                    end
                    local.get 1
                  end
                  f64.const 0x1.ffff6c38p+31 (;=4.29495e+09;)
                  return
                end
                unreachable
              end
            else
              local.get 2
              i64.const 1125899906842624
              i64.mul
            end
            local.set 2
          end
        end
      end
    end
    i32.const 4
    call_indirect (type 2)
    return)
  (func (;105;) (type 0)
    unreachable)
  (func (;106;) (type 66) (param f32) (result f32)
    unreachable)
  (func (;107;) (type 15) (param f64) (result f64)
    unreachable)
  (table (;0;) 38 38 funcref)
  (memory (;0;) 16 17)
  (global (;0;) (mut i32) (i32.const 10))
  (export "hashMemory" (func 4))
  (export "memory" (memory 0))
  (export "func" (func 5))
  (export "func_0" (func 6))
  (export "func_1_invoker" (func 8))
  (export "func_2" (func 9))
  (export "func_2_invoker" (func 10))
  (export "func_3" (func 11))
  (export "func_3_invoker" (func 12))
  (export "func_4" (func 13))
  (export "func_5_invoker" (func 15))
  (export "func_6_invoker" (func 17))
  (export "func_7_invoker" (func 19))
  (export "func_8" (func 20))
  (export "func_8_invoker" (func 21))
  (export "func_9" (func 22))
  (export "func_10_invoker" (func 24))
  (export "func_11_invoker" (func 26))
  (export "func_13" (func 28))
  (export "func_14" (func 29))
  (export "func_15" (func 30))
  (export "func_16_invoker" (func 32))
  (export "func_17_invoker" (func 34))
  (export "func_19" (func 36))
  (export "func_19_invoker" (func 37))
  (export "func_20" (func 38))
  (export "func_20_invoker" (func 39))
  (export "func_21" (func 40))
  (export "func_22_invoker" (func 42))
  (export "func_23_invoker" (func 44))
  (export "func_24" (func 45))
  (export "func_25" (func 46))
  (export "func_25_invoker" (func 47))
  (export "func_27_invoker" (func 50))
  (export "func_28" (func 51))
  (export "func_30" (func 53))
  (export "func_33" (func 56))
  (export "func_35_invoker" (func 59))
  (export "func_37_invoker" (func 62))
  (export "func_39" (func 64))
  (export "func_40" (func 65))
  (export "func_41" (func 66))
  (export "func_44" (func 69))
  (export "func_44_invoker" (func 70))
  (export "func_45_invoker" (func 72))
  (export "func_46" (func 73))
  (export "func_46_invoker" (func 74))
  (export "func_47_invoker" (func 76))
  (export "func_48" (func 77))
  (export "func_48_invoker" (func 78))
  (export "func_49" (func 79))
  (export "func_49_invoker" (func 80))
  (export "func_51_invoker" (func 83))
  (export "func_52" (func 84))
  (export "func_53" (func 85))
  (export "func_54" (func 86))
  (export "func_56" (func 88))
  (export "func_56_invoker" (func 89))
  (export "func_57" (func 90))
  (export "func_57_invoker" (func 91))
  (export "func_59" (func 93))
  (export "func_60" (func 94))
  (export "func_60_invoker" (func 95))
  (export "func_61_invoker" (func 97))
  (export "func_64_invoker" (func 101))
  (export "func_65_invoker" (func 103))
  (export "hangLimitInitializer" (func 105))
  (elem (;0;) (i32.const 0) func 6 6 7 14 16 18 18 28 41 41 41 43 45 46 48 48 51 52 52 55 56 60 61 61 61 68 68 69 71 71 84 88 88 88 92 92 92 92)
  (data (;0;) "\052u\0c:e\f7\b2\89\c5\e6Q\07O \02\83\db\fe\9c\ffOaD\cf")
  (data (;1;) (i32.const 0) "\5c\dfD>T\c52\14")
  (data (;2;) (i32.const 8) "F\c25v\92\c4\c8/\df\b0r\f0\12\0a")
  (data (;3;) "]\88\be")
  (data (;4;) "\c2\89\db")
  (data (;5;) (i32.const 22) "[N\c0\92s\b9\b0\83ioZ\ec")
  (data (;6;) (i32.const 34) "\14:h\aa\90PCP\93\f8\fa\9e\f4\f7;"))
